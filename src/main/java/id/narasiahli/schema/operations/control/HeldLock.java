package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.liquibase.SchemaSession;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

import java.util.List;
import java.util.logging.Logger;

/**
 * The migration lock, taken for one admin operation before its Liquibase command runs, with no waiting:
 * if another instance holds it the operation is refused at once. Liquibase's commands in the same session
 * find the lock already held by their lock service and run under it; they release it when they end, and
 * closing this releases it only if they did not, so a lock someone else took meanwhile is never touched.
 */
public final class HeldLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HeldLock.class.getName());

    private final SchemaSession session;
    private final LockService lockService;

    private HeldLock(SchemaSession session, LockService lockService) {
        this.session = session;
        this.lockService = lockService;
    }

    public static HeldLock take(SchemaSession session) {
        LockService lockService = session.lockService();
        boolean acquired;
        try {
            acquired = session.inScope(lockService::acquireLock);
        } catch (Exception e) {
            throw SchemaOperationException.failed("Taking the migration lock", ErrorMessages.rootMessage(e));
        }
        if (!acquired) {
            throw SchemaOperationException.locked(holder(session.locks()));
        }
        return new HeldLock(session, lockService);
    }

    public static String holder(List<DatabaseChangeLogLock> locks) {
        if (locks.isEmpty()) {
            return "another session";
        }
        DatabaseChangeLogLock lock = locks.get(0);
        return lock.getLockedBy() + (lock.getLockGranted() == null ? "" : " since " + lock.getLockGranted().toInstant());
    }

    @Override
    public void close() {
        try {
            session.inScope(() -> {
                if (lockService.hasChangeLogLock()) {
                    lockService.releaseLock();
                }
                return null;
            });
        } catch (Exception e) {
            LOG.warning(() -> "Releasing the migration lock failed: " + ErrorMessages.oneLine(e)
                    + "; release it with DELETE /api/admin/schema/locks");
        }
    }
}
