package id.narasiahli.testsupport.database;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts PostgreSQL before the first integration test class, so it is up before Arquillian boots Payara
 * Micro (whose post-boot commands connect to it). Plain unit test runs (no DB_PORT reserved) skip it.
 */
public class TestDatabaseSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getenv("DB_PORT") != null) {
            TestDatabase.server();
            TestDatabase.createDatabaseNamed(TestDatabase.DEPLOYMENT_DATABASE);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.stop();
    }
}
