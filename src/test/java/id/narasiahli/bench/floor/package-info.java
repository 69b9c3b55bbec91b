/**
 * The stack's floor for the startup figures of {@code bench.EndpointsBench}: the bare JAX-RS WAR plus the least of
 * what this project's stack starts (a CDI bean, a MicroProfile Health check, an EJB startup singleton, one JPA entity
 * read through {@code jdbc/narasi}), so that the benchmark can tell the containers' own cost from ours.
 */
package id.narasiahli.bench.floor;
