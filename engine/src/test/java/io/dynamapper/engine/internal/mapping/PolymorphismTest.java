package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cached;
import io.dynamapper.IndexTemplate;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.Subtypes;
import io.dynamapper.Table;
import io.dynamapper.TypeName;
import io.dynamapper.Version;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a polymorphic base and its subtypes are mapped, and the errors of hierarchies that cannot be. */
class PolymorphismTest {
    @Table("events")
    @KeyTemplate(hash = "{streamId}", range = "{seq}")
    @IndexTemplate(index = "by_actor", hash = "ACTOR#{actor}", range = "{seq}")
    sealed interface Event permits Created, Moved {
    }

    /** An abstract subtype that is sealed is expanded. */
    sealed interface Moved extends Event permits Shipped, Returned {
    }

    record Created(String streamId, long seq, String actor, String by, @Version Long version) implements Event {
    }

    record Shipped(String streamId, Long seq, String actor, String carrier) implements Moved {
    }

    @TypeName("back")
    record Returned(String streamId, long seq, String actor, String reason) implements Moved {
    }

    @Test
    void theBaseComposesKeysAndIndexesFromTheSubtypesCommonFields() {
        EntityModel<Event> base = EntityModel.of(Event.class);
        assertTrue(base.isPolymorphic());
        assertEquals(Set.of("Created", "Shipped", "back"), base.typeNames());
        assertEquals(List.of(Created.class, Shipped.class, Returned.class),
                base.subtypes().stream().map(EntityModel::type).toList(), "in the order the permits clauses name them");
        assertEquals(List.of("streamId", "seq", "actor"), base.properties().stream().map(PropertyModel::fieldName)
                .toList(), "long and Long are the same field; by, carrier and reason are not in every subtype");
        assertEquals("pk", base.hashKey().attributeName());
        assertEquals(List.of("by_actor"), base.indexes().stream().map(IndexModel::name).toList());
        assertEquals(base.keys().keyAttributes(base.keys().templateKeyItem(List.of("s1", 7))),
                EntityModel.of(Returned.class).keys().keyOf(new Returned("s1", 7, "a", "r")),
                "one set of key values composes one key whatever the subtype");
        EntityModel<Created> created = EntityModel.of(Created.class);
        assertSame(Event.class, created.annotatedType());
        assertTrue(base.includes(created));
        assertFalse(created.includes(base));
        assertEquals(List.of(created), created.subtypes());
        Map<String, AttributeValue> item = created.toItem(new Created("s1", 1, "ann", "ann", 3L));
        assertEquals("ACTOR#ann", item.get("by_actor_pk").s());
        assertSame(created, base.subtypeModel(item));
        assertEquals(new Created("s1", 1, "ann", "ann", 3L), base.fromItem(item));
        assertFalse(created.isOwnType(EntityModel.of(Shipped.class).toItem(new Shipped("s1", 2L, "b", "dhl"))));
        assertTrue(base.isOwnType(item));
    }

    @Table("shapes")
    @KeyTemplate(hash = "SHAPE#{id}")
    abstract static sealed class Shape permits Circle, Square {
        String id;
        String color;
    }

    static final class Circle extends Shape {
        double radius;
    }

    static final class Square extends Shape {
        double side;
    }

    @Test
    void aSealedAbstractClassMapsItsFinalSubclasses() {
        EntityModel<Shape> base = EntityModel.of(Shape.class);
        assertEquals(List.of(Circle.class, Square.class), base.subtypes().stream().map(EntityModel::type).toList());
        assertEquals(List.of("id", "color"), base.properties().stream().map(PropertyModel::fieldName).toList());
        assertTrue(base.typeName().isEmpty(), "a base has no type name of its own");
        Circle c = new Circle();
        c.id = "c1";
        c.radius = 2.5;
        Map<String, AttributeValue> item = EntityModel.of(Circle.class).toItem(c);
        assertEquals("SHAPE#c1", item.get("pk").s());
        assertEquals("Circle", item.get("_type").s());
        Circle back = (Circle) base.fromItem(item);
        assertEquals(2.5, back.radius);
        assertEquals("c1", back.id);
    }

    @Test
    void aSealedSubInterfaceReadsItsOwnSubtypesOnly() {
        EntityModel<Moved> moved = EntityModel.of(Moved.class);
        assertTrue(moved.isPolymorphic());
        assertSame(Event.class, moved.annotatedType());
        assertEquals("events", moved.tableName());
        assertEquals(Set.of("Shipped", "back"), moved.typeNames());
        assertTrue(moved.includes(EntityModel.of(Returned.class)));
        assertFalse(moved.includes(EntityModel.of(Created.class)));
        Map<String, AttributeValue> returned = EntityModel.of(Returned.class).toItem(new Returned("s", 2, "a", "late"));
        assertEquals(new Returned("s", 2, "a", "late"), moved.fromItem(returned));
        Map<String, AttributeValue> created = EntityModel.of(Created.class).toItem(new Created("s", 1, "a", "b", 1L));
        assertFalse(moved.isOwnType(created));
        MappingException notMoved = assertThrows(MappingException.class, () -> moved.fromItem(created));
        assertTrue(notMoved.getMessage().contains("'Created'") && notMoved.getMessage().contains("Moved"),
                notMoved.getMessage());
    }

    @Table("bad_events")
    @KeyTemplate(hash = "{streamId}", range = "{seq}")
    sealed interface Incomplete permits Complete, NoSeq {
    }

    record Complete(String streamId, long seq) implements Incomplete {
    }

    record NoSeq(String streamId, String note) implements Incomplete {
    }

    @Test
    void aSubtypeWithoutATemplateFieldIsAnErrorNamingSubtypeAndField() {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(NoSeq.class));
        assertTrue(e.getMessage().contains("NoSeq") && e.getMessage().contains("'seq'")
                && e.getMessage().contains("of Incomplete"), e.getMessage());
        MappingException viaBase = assertThrows(MappingException.class, () -> EntityModel.of(Incomplete.class));
        assertEquals(e.getMessage(), viaBase.getMessage());
    }

    @Table("bad_events")
    @KeyTemplate(hash = "{streamId}", range = "{seq}")
    sealed interface Mixed permits LongSeq, IntSeq {
    }

    record LongSeq(String streamId, long seq) implements Mixed {
    }

    record IntSeq(String streamId, int seq) implements Mixed {
    }

    @Test
    void subtypesWhoseTemplateFieldsDifferInTypeAreAnError() {
        EntityModel.of(IntSeq.class); // alone it is a valid entity
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(Mixed.class));
        assertTrue(e.getMessage().contains("LongSeq.seq") && e.getMessage().contains("IntSeq.seq"), e.getMessage());
    }

    @Table("ledger")
    @KeyTemplate(hash = "{account}", range = "{entryId}")
    @Subtypes(Listed.class)
    abstract static class Ledger {
        String account;
        String entryId;
    }

    static class Listed extends Ledger {
    }

    static class Unlisted extends Ledger {
    }

    @Table("ledger")
    @KeyTemplate(hash = "{account}", range = "{entryId}")
    abstract static class Unnamed {
        String account;
        String entryId;
    }

    static class UnnamedChild extends Unnamed {
    }

    @Test
    void aBaseThatIsNotSealedListsItsSubtypesAndAnUnlistedOneCannotBeMapped() {
        assertEquals(List.of(Listed.class), EntityModel.of(Ledger.class).subtypes().stream().map(EntityModel::type)
                .toList());
        MappingException unlisted = assertThrows(MappingException.class, () -> EntityModel.of(Unlisted.class));
        assertTrue(unlisted.getMessage().contains("does not list it") && unlisted.getMessage().contains("@Subtypes"),
                unlisted.getMessage());
        MappingException unnamed = assertThrows(MappingException.class, () -> EntityModel.of(Unnamed.class));
        assertTrue(unnamed.getMessage().contains("names no subtypes"), unnamed.getMessage());
        assertThrows(MappingException.class, () -> EntityModel.of(UnnamedChild.class));
    }

    @Table("dupes")
    @KeyTemplate(hash = "{id}")
    sealed interface Dupes permits DupeA, DupeB {
    }

    @TypeName("same")
    record DupeA(String id) implements Dupes {
    }

    @TypeName("same")
    record DupeB(String id) implements Dupes {
    }

    @Table("own")
    @KeyTemplate(hash = "{id}")
    sealed interface OwnTable permits WithTable {
    }

    @Table("other")
    record WithTable(String id) implements OwnTable {
    }

    @Table("cached")
    @KeyTemplate(hash = "{id}")
    sealed interface CachedBase permits CachedChild {
    }

    @Cached
    record CachedChild(String id) implements CachedBase {
    }

    @Table("no_template")
    sealed interface NoTemplate permits Plain {
    }

    record Plain(String id) implements NoTemplate {
    }

    @Table("named")
    @KeyTemplate(hash = "{id}")
    @TypeName("Base")
    sealed interface NamedBase permits NamedChild {
    }

    record NamedChild(String id) implements NamedBase {
    }

    @Table("stray")
    @KeyTemplate(hash = "{id}")
    @Subtypes(Plain.class)
    interface Stray {
    }

    @Test
    void hierarchiesThatCannotBeMappedAreClearErrors() {
        assertMessage(Dupes.class, "DupeA", "DupeB", "'same'");
        assertMessage(DupeB.class, "DupeA", "DupeB", "'same'"); // also when a subtype is used alone
        assertMessage(WithTable.class, "own @Table", "OwnTable");
        assertMessage(CachedChild.class, "own @Cached", "CachedBase");
        assertMessage(NoTemplate.class, "needs a @KeyTemplate");
        assertMessage(NamedBase.class, "@TypeName on polymorphic entity", "subtypes");
        assertMessage(Stray.class, "lists", "Plain", "neither extends nor implements");
    }

    private static void assertMessage(Class<?> type, String... parts) {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(type));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), part + " in: " + e.getMessage());
        }
    }
}
