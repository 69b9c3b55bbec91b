/** The black-box API tests' HTTP side: a JSON client acting as a user from an address, problem assertions, shared request bodies. */
package id.narasiahli.testsupport.http;
