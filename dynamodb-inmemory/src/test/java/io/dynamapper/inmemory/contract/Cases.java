package io.dynamapper.inmemory.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The cases a {@link ContractSuite} defines; names are unique within a suite. */
final class Cases {

    private final List<ContractCase> cases = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Adds a case; give it an expectation with one of {@link ContractCase}'s {@code expect...} methods. */
    ContractCase add(String name, ContractCase.Action action) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("two cases are named '" + name + "'");
        }
        ContractCase c = new ContractCase(name, action);
        cases.add(c);
        return c;
    }

    List<ContractCase> all() {
        return List.copyOf(cases);
    }
}
