/**
 * Cross-cutting wiring shared by every component: the container-managed datasource (looked up by its
 * configurable JNDI name) and liveness.
 */
package id.narasiahli.platform;
