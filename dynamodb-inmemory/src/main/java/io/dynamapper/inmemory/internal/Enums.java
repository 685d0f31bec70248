package io.dynamapper.inmemory.internal;

/** Checks request enum values as DynamoDB's request validation does, before anything else runs. */
final class Enums {
    private Enums() {
    }

    /**
     * Throws DynamoDB's constraint error when {@code raw} was sent but is not one of the enum's values
     * (the SDK maps an unknown string to {@code UNKNOWN_TO_SDK_VERSION}).
     *
     * @param value the SDK's enum for {@code raw}
     * @param raw   the string sent, or null when the parameter was absent
     * @param field the request member, as DynamoDB names it (e.g. {@code returnConsumedCapacity})
     * @param set   the allowed values, as DynamoDB lists them (e.g. {@code [INDEXES, TOTAL, NONE]})
     */
    static void check(Enum<?> value, String raw, String field, String set) {
        if (raw != null && (value == null || value.name().equals("UNKNOWN_TO_SDK_VERSION"))) {
            throw Errors.validation("1 validation error detected: Value '" + raw + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + set);
        }
    }
}
