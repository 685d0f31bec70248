package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.EntityValidationException;
import io.dynamapper.EntityValidationException.Violation;
import io.dynamapper.HashKey;
import io.dynamapper.Key;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.Dynamapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

class ValidationTest extends SessionTestSupport {
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
            .buildValidatorFactory();

    static class Address {
        @NotBlank String city;

        Address() {
        }

        Address(String city) {
            this.city = city;
        }
    }

    @Table("monster")
    static class Monster {
        @HashKey String id;
        @NotBlank String name;
        @Min(1) int health;
        @Valid @NotNull Address lair = new Address("Phobos");
        @Version Long version;

        Monster() {
        }

        Monster(String id, String name, int health) {
            this.id = id;
            this.name = name;
            this.health = health;
        }
    }

    @Table("weapon")
    record Weapon(@HashKey String id, @NotBlank String name, @Min(0) int ammo) {
    }

    SessionFactory validating;

    @AfterAll
    static void closeFactory() {
        VALIDATION.close();
    }

    @BeforeEach
    void tables() {
        createTable(Monster.class);
        createTable(Weapon.class);
        Validator validator = VALIDATION.getValidator();
        validating = Dynamapper.builder().client(recording.client()).retryPolicy(policy).validator(validator).build();
    }

    private List<Object> writes() {
        return recording.requests().stream().filter(r -> !(r instanceof GetItemRequest)).map(r -> (Object) r).toList();
    }

    @Test
    void violationsOfNewEntitiesFailTheCommitBeforeAnythingIsSent() {
        try (Session s = validating.openSession()) {
            Monster imp = new Monster("imp", " ", 0);
            s.save(imp);
            s.save(new Monster("ok", "Baron", 100));
            EntityValidationException e = assertThrows(EntityValidationException.class, s::commit);
            assertEquals(List.of(new Violation(Monster.class, Key.of("imp"), "health", "must be greater than or equal to 1", "0"),
                    new Violation(Monster.class, Key.of("imp"), "name", "must not be blank", " ")), e.violations());
            assertTrue(e.getMessage().contains("Monster ('imp'): name must not be blank"), e.getMessage());
            assertEquals(List.of(), writes(), "nothing sent");
            assertTrue(s.isDirty(), "the session is unchanged");
            imp.name = "Imp";
            imp.health = 60;
            s.commit();
        }
        assertEquals(1, writes().size(), "the two puts in one transaction");
        assertEquals(s("Imp"), getRaw("monster", Map.of("id", s("imp"))).get("name"));
    }

    @Test
    void changedEntitiesAndNestedValidObjectsAreValidated() {
        putRaw("monster", Map.of("id", s("caco"), "name", s("Cacodemon"), "health", n(400), "version", n(1),
                "lair", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(Map.of("city", s("Hell")))));
        try (Session s = validating.openSession()) {
            Monster caco = s.get(Monster.class, "caco");
            caco.lair.city = "";
            recording.clear();
            EntityValidationException e = assertThrows(EntityValidationException.class, s::commit);
            assertEquals("lair.city", e.violations().get(0).propertyPath());
            assertEquals(List.of(), writes());
            assertEquals(s("Hell"), ((Map<?, ?>) getRaw("monster", Map.of("id", s("caco"))).get("lair").m())
                    .get("city"));
        }
    }

    @Test
    void unchangedEntitiesAndDeletesAreNotValidated() {
        putRaw("monster", Map.of("id", s("old"), "name", s(""), "health", n(0), "version", n(1)));
        try (Session s = validating.openSession()) {
            Monster old = s.get(Monster.class, "old");
            s.commit(); // unchanged: nothing to validate, nothing sent
            s.delete(old);
            s.commit();
        }
        assertEquals(null, getRaw("monster", Map.of("id", s("old"))));
    }

    @Test
    void recordsAreValidated() {
        try (Session s = validating.openSession()) {
            s.save(new Weapon("bfg", "BFG 9000", -1));
            EntityValidationException e = assertThrows(EntityValidationException.class, s::commit);
            assertEquals("ammo", e.violations().get(0).propertyPath());
            assertEquals(Weapon.class, e.violations().get(0).entityType());
            s.save(new Weapon("bfg", "BFG 9000", 40));
            s.commit();
        }
        assertEquals(n(40), getRaw("weapon", Map.of("id", s("bfg"))).get("ammo"));
    }

    @Test
    void withoutAValidatorNothingIsValidated() {
        try (Session s = sessions.openSession()) {
            s.save(new Monster("blank", "", 0));
            s.commit();
        }
        assertEquals(s(""), getRaw("monster", Map.of("id", s("blank"))).get("name"));
    }

    @Test
    void theBuilderTakesOneValidator() {
        Validator validator = VALIDATION.getValidator();
        Dynamapper.Builder builder = Dynamapper.builder().validator(validator);
        assertThrows(IllegalStateException.class, () -> builder.validator(validator));
        assertThrows(NullPointerException.class, () -> Dynamapper.builder().validator(null));
    }
}
