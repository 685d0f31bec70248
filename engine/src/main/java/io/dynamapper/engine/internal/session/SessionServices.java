package io.dynamapper.engine.internal.session;

import io.dynamapper.EntityValidationException;
import io.dynamapper.engine.internal.commit.Write;
import io.dynamapper.engine.internal.keys.KeyGenerator;
import io.dynamapper.engine.internal.validation.EntityValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a factory shares with its sessions beyond the client: the key generator and the optional
 * validator.
 *
 * @param keys assigns {@code @AutoIncrement} and {@code @AutoUuid} keys at save
 * @param validator validates new and changed entities at commit; null if none is configured
 */
record SessionServices(KeyGenerator keys, EntityValidator validator) {

    /**
     * Validates the entities a commit puts or updates, before anything is sent.
     *
     * @throws EntityValidationException listing every violation, if there is any
     */
    void validate(List<Entry> owners, List<Write> writes) {
        if (validator == null) {
            return;
        }
        List<EntityValidationException.Violation> violations = null;
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            if (write instanceof Write.Put || write instanceof Write.Update) {
                Entry e = owners.get(i);
                List<EntityValidationException.Violation> found = validator.validate(e.instance,
                        e.model.keys().keyValue(e.id.key()));
                if (!found.isEmpty()) {
                    if (violations == null) {
                        violations = new ArrayList<>();
                    }
                    violations.addAll(found);
                }
            }
        }
        if (violations != null) {
            throw new EntityValidationException(violations);
        }
    }
}
