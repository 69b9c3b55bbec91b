package id.narasiahli.schema.liquibase;

import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The one Liquibase scope every {@link LiquibaseSession} runs in: changelogs from this code's class path (the
 * WAR's, or the command-line jar's, with the same paths, so both record the same file names and checksums),
 * output to java.util.logging, no usage data sent anywhere, the session's own deployment id (Liquibase's root
 * scope holds one id for the whole JVM, so every apply through the API would otherwise share the startup's),
 * and no waiting inside Liquibase for the migration lock: a caller takes {@link MigrationLock} first, waiting
 * as long as it chooses, or is refused at once.
 */
final class LiquibaseScope {

    private final ClassLoader loader;
    private final String deploymentId;
    private final ResourceAccessor accessor;

    LiquibaseScope(ClassLoader loader, String deploymentId) {
        this(loader, deploymentId, new ClassLoaderResourceAccessor(loader));
    }

    /** With changelogs found by {@code accessor} (a directory on disk, say) instead of the class path alone. */
    LiquibaseScope(ClassLoader loader, String deploymentId, ResourceAccessor accessor) {
        this.loader = loader;
        this.deploymentId = deploymentId;
        this.accessor = accessor;
    }

    <T> T call(Callable<T> action) throws Exception {
        return Scope.child(values(false), action::call);
    }

    /** For SQL-only commands: {@link SqlOnlyLockService} keeps them away from the real lock. */
    <T> T sqlOnly(Callable<T> action) throws Exception {
        return Scope.child(values(true), action::call);
    }

    private Map<String, Object> values(boolean sqlOnly) {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.resourceAccessor.name(), accessor);
        values.put(Scope.Attr.classLoader.name(), loader);
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put(Scope.Attr.deploymentId.name(), deploymentId);
        values.put("liquibase.analytics.enabled", Boolean.FALSE);
        values.put("liquibase.changelogLockWaitTimeInMinutes", 0L);
        values.put("liquibase.changelogLockPollRate", 1L);
        values.put(SqlOnlyLockService.SCOPE_KEY, sqlOnly);
        return values;
    }
}
