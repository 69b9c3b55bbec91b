package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.FirstAdmin;
import id.narasiahli.accounts.control.SigningKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** What accounts need before the first request, once the schema is at head: the signing key, the first admin. */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class AccountsBootstrap {

    @Inject
    SigningKeys signingKeys;

    @Inject
    FirstAdmin firstAdmin;

    @PostConstruct
    void start() {
        signingKeys.activate();
        firstAdmin.ensure();
    }
}
