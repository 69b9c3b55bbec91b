package id.narasiahli.accounts.entity;

/** What a user may do; the JWT "groups" claim carries it and {@code @RolesAllowed} checks it. */
public enum Role {
    USER, ADMIN
}
