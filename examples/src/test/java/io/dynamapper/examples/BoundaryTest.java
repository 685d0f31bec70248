package io.dynamapper.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The module boundary, enforced: a module uses another module only through that module's API
 * package, no package is split across two jars, and every jar names its module
 * ({@code Automatic-Module-Name}) after its base package.
 *
 * <p>It lives in the examples module because that module's test class path holds the main classes
 * of every published module (its pom depends on each; a new published module must be added there
 * and to {@link #MODULES}). Test classes are not imported: tests may reach into their own module's
 * internals. A JPMS {@code module-info.java} per module would say the same to the compiler; it is
 * not used because the AWS SDK's and the test stack's automatic modules make it costly to run under
 * surefire, so this test is the enforcement.
 *
 * <p>The API of each module (DESIGN.md): {@code io.dynamapper} (api), the class
 * {@code io.dynamapper.engine.Dynamapper} and its nested classes (engine), and the packages
 * {@code io.dynamapper.guice}, {@code io.dynamapper.testkit}, {@code io.dynamapper.inmemory},
 * {@code io.dynamapper.micrometer}. Everything else ({@code ...internal} packages) is for its own
 * module only.
 */
class BoundaryTest {

    /** A module: its base package, and whether a class of it is API (usable from other modules). */
    private record Module(String name, String basePackage, boolean subpackages, String apiPackage, String apiClass) {
        boolean contains(JavaClass c) {
            String p = c.getPackageName();
            return p.equals(basePackage) || (subpackages && p.startsWith(basePackage + "."));
        }

        boolean isApi(JavaClass c) {
            if (!c.getPackageName().equals(apiPackage)) {
                return false;
            }
            return apiClass == null || c.getName().equals(apiClass) || c.getName().startsWith(apiClass + "$");
        }
    }

    /** Every module; {@code io.dynamapper} alone is the api module (its package has no subpackages of its own). */
    private static final List<Module> MODULES = List.of(
            new Module("dynamapper-api", "io.dynamapper", false, "io.dynamapper", null),
            new Module("dynamapper-engine", "io.dynamapper.engine", true, "io.dynamapper.engine",
                    "io.dynamapper.engine.Dynamapper"),
            new Module("dynamapper-guice", "io.dynamapper.guice", true, "io.dynamapper.guice", null),
            new Module("dynamapper-testkit", "io.dynamapper.testkit", true, "io.dynamapper.testkit", null),
            new Module("dynamapper-dynamodb-inmemory", "io.dynamapper.inmemory", true, "io.dynamapper.inmemory", null),
            new Module("dynamapper-micrometer", "io.dynamapper.micrometer", true, "io.dynamapper.micrometer", null),
            new Module("dynamapper-examples", "io.dynamapper.examples", true, "io.dynamapper.examples", null));

    /** Published modules whose classes must be on this test's class path (add new ones as they are built). */
    private static final Set<String> REQUIRED = Set.of("dynamapper-api", "dynamapper-engine", "dynamapper-guice",
            "dynamapper-testkit", "dynamapper-dynamodb-inmemory", "dynamapper-micrometer");

    /**
     * Known crossings still to be removed, each with its reason: origin module, then the target
     * class (and its nested classes). Keep this list empty; an entry is a debt, not a permission.
     */
    private static final Map<String, Set<String>> KNOWN_CROSSINGS = Map.of();

    private static boolean known(Module from, JavaClass target) {
        String name = target.getName();
        return KNOWN_CROSSINGS.getOrDefault(from.name(), Set.of()).stream()
                .anyMatch(c -> name.equals(c) || name.startsWith(c + "$"));
    }

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dynamapper");

    private static Optional<Module> moduleOf(JavaClass c) {
        return MODULES.stream().filter(m -> m.contains(c)).findFirst();
    }

    @Test
    void everyClassBelongsToAKnownModuleAndEveryPublishedModuleIsSeen() {
        Set<String> unknown = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            moduleOf(c).ifPresentOrElse(m -> seen.add(m.name()), () -> unknown.add(c.getName()));
        }
        assertEquals(Set.of(), unknown, "classes outside every known module: add their module to MODULES");
        assertTrue(seen.containsAll(REQUIRED), "modules seen " + seen + ", expected at least " + REQUIRED
                + ": add the missing ones as dependencies of examples/pom.xml");
    }

    @Test
    void modulesUseEachOtherOnlyThroughTheirApi() {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : CLASSES) {
            Module from = moduleOf(origin).orElse(null);
            if (from == null) {
                continue;   // reported by the test above
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                Module to = target.getPackageName().startsWith("io.dynamapper") ? moduleOf(target).orElse(null) : null;
                if (to != null && to != from && !to.isApi(target) && !known(from, target)) {
                    violations.add(d.getDescription());
                }
            }
        }
        assertEquals(List.of(), violations, "uses of another module's non-API classes (make the class API on "
                + "purpose, in its module's API package, or move the code)");
    }

    @Test
    void noPackageIsSplitAcrossJarsAndEveryJarNamesItsModule() {
        Map<String, Set<String>> locationsByPackage = new TreeMap<>();
        Map<String, String> moduleNameByLocation = new LinkedHashMap<>();
        for (JavaClass c : CLASSES) {
            URI uri = c.getSource().orElseThrow().getUri();
            String location = location(uri, c);
            locationsByPackage.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>()).add(location);
            if ("jar".equals(uri.getScheme()) && !moduleNameByLocation.containsKey(location)) {
                moduleNameByLocation.put(location, automaticModuleName(uri));
            }
        }
        Map<String, Set<String>> split = new TreeMap<>();
        locationsByPackage.forEach((p, locations) -> {
            if (locations.size() > 1) {
                split.put(p, locations);
            }
        });
        assertEquals(Map.of(), split, "packages split across jars or class directories");

        for (JavaClass c : CLASSES) {
            URI uri = c.getSource().orElseThrow().getUri();
            if ("jar".equals(uri.getScheme())) {
                Module m = moduleOf(c).orElseThrow();
                assertEquals(m.basePackage(), moduleNameByLocation.get(location(uri, c)),
                        "Automatic-Module-Name of the jar of " + m.name());
            }
        }
    }

    /** The jar or class directory a class was read from. */
    private static String location(URI uri, JavaClass c) {
        String s = uri.toString();
        if (s.startsWith("jar:")) {
            return s.substring(4, s.indexOf("!/"));
        }
        String classFile = c.getName().replace('.', '/') + ".class";
        return s.endsWith(classFile) ? s.substring(0, s.length() - classFile.length()) : s;
    }

    private static String automaticModuleName(URI classInJar) {
        try {
            JarURLConnection connection = (JarURLConnection) classInJar.toURL().openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Manifest manifest = jar.getManifest();
                return manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
