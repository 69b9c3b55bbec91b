package id.narasiahli.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the startup singleton has read the database: a CDI bean and MicroProfile Health, nothing more. */
@Readiness
@ApplicationScoped
public class FloorReadiness implements HealthCheck {

    @Inject
    FloorStartup startup;

    @Override
    public HealthCheckResponse call() {
        long changesets = startup.changesets();
        return HealthCheckResponse.named("floor").status(changesets > 0).withData("changesets", changesets).build();
    }
}
