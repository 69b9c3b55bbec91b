/**
 * Expert profiles: the caller's own profile (/api/me) with its completion score, their education, work and
 * research-journal histories (with certificate images), and the public expert directory.
 */
package id.narasiahli.profiles;
