/** Payara processes the tests start: Payara Micro with the production command, the shared API server, a Payara Server domain, readiness answers, measured figures. */
package id.narasiahli.testsupport.payara;
