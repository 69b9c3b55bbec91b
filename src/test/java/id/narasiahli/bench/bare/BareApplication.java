package id.narasiahli.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The floor of the benchmark: JAX-RS on the same Payara Micro with nothing of ours (no database, no token check). */
@ApplicationPath("bare")
public class BareApplication extends Application {
}
