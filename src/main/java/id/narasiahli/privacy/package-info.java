/**
 * What a user may ask about their own data: a complete export (streamed, every table that holds rows of
 * theirs) and the deletion of their account with everything that belongs to it (the foreign keys cascade).
 */
package id.narasiahli.privacy;
