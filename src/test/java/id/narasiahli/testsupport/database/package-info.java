/** The tests' real PostgreSQL: the embedded server per test JVM, databases per test, catalog snapshots, changelogs driven from the test JVM, the gate test changesets wait at. */
package id.narasiahli.testsupport.database;
