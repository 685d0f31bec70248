package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Attribute;
import io.dynamapper.AttributeCodec;
import io.dynamapper.Codec;
import io.dynamapper.Default;
import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.IndexRangeKey;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Ttl;
import io.dynamapper.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every way an entity class can be wrong, and the message that says so, naming class and field. */
class MappingErrorsTest {
    static class NoTable {
        @HashKey String id;
    }

    @Table("x")
    static class ShortName {
        @HashKey String id;
    }

    @Table("no_hash")
    static class NoHashKey {
        String id;
    }

    @Table("two_hash")
    static class TwoHashKeys {
        @HashKey String id;
        @HashKey String other;
    }

    @Table("two_range")
    static class TwoRangeKeys {
        @HashKey String id;
        @RangeKey int a;
        @RangeKey int b;
    }

    @Table("bool_key")
    static class BooleanKey {
        @HashKey boolean flag;
    }

    @Table("list_key")
    static class ListRangeKey {
        @HashKey String id;
        @RangeKey List<String> parts;
    }

    @Table("opt_key")
    record OptionalKey(@HashKey Optional<String> id) {
    }

    @Table("map_key")
    static class MapKey {
        @HashKey Map<String, String> id;
    }

    @Table("nested_key")
    static class NestedKey {
        @HashKey Point id;
    }

    record Point(int x, int y) {
    }

    @Table("bool_index")
    static class BooleanIndexKey {
        @HashKey String id;
        @IndexHashKey("by_flag") boolean flag;
    }

    @Table("string_version")
    static class StringVersion {
        @HashKey String id;
        @Version String version;
    }

    @Table("double_version")
    record DoubleVersion(@HashKey String id, @Version double version) {
    }

    @Table("object_field")
    static class ObjectField {
        @HashKey String id;
        Object anything;
    }

    @Table("array_field")
    static class ArrayField {
        @HashKey String id;
        int[] numbers;
    }

    @Table("int_map")
    static class IntKeyedMap {
        @HashKey String id;
        Map<Integer, String> byNumber;
    }

    @Table("raw_list")
    @SuppressWarnings("rawtypes")
    static class RawList {
        @HashKey String id;
        List things;
    }

    @Table("bool_set")
    static class BooleanSet {
        @HashKey String id;
        Set<Boolean> flags;
    }

    @Table("thread_field")
    static class ThreadField {
        @HashKey String id;
        Thread worker;
    }

    @Table("generic_rec")
    record GenericRecord<T>(@HashKey String id, T value) {
    }

    @Table("wild_list")
    static class WildcardList {
        @HashKey String id;
        List<? super Integer> numbers;
    }

    @Table("final_field")
    static class FinalField {
        @HashKey String id;
        final String name = "x";
    }

    @Table("no_ctor")
    static class NoNoArgConstructor {
        @HashKey String id;

        NoNoArgConstructor(String id) {
            this.id = id;
        }
    }

    @Table("inner_cls")
    class Inner {
        @HashKey String id;
    }

    @Table("abstract_cls")
    abstract static class Abstract {
        @HashKey String id;
    }

    @Table("missing_default")
    record MissingDefault(@HashKey String id, @Default("nope") String name) {
    }

    @Table("instance_default")
    record InstanceDefault(@HashKey String id, @Default("name") String name) {
    }

    @Table("wrong_default")
    record WrongTypeDefault(@HashKey String id, @Default("number") String name) {
        static int number() {
            return 1;
        }
    }

    @Table("param_default")
    record ParameterDefault(@HashKey String id, @Default("named") String name) {
        static String named(String prefix) {
            return prefix;
        }
    }

    @Table("string_ttl")
    static class StringTtl {
        @HashKey String id;
        @Ttl String expires;
    }

    @Table("same_attr")
    static class SameAttribute {
        @HashKey String id;
        @Attribute("n") String name;
        @Attribute("n") String nick;
    }

    @Table("empty_attr")
    static class EmptyAttribute {
        @HashKey String id;
        @Attribute("") String name;
    }

    @Table("short_index")
    static class ShortIndexName {
        @HashKey String id;
        @IndexHashKey("ix") String name;
    }

    @Table("two_index_hash")
    static class TwoIndexHashKeys {
        @HashKey String id;
        @IndexHashKey("by_name") String name;
        @IndexHashKey("by_name") String nick;
    }

    @Table("lsi_no_range")
    static class LocalIndexWithoutTableRange {
        @HashKey String id;
        @IndexRangeKey("by_name") String name;
    }

    @Table("lsi_same_range")
    static class LocalIndexOnTableRange {
        @HashKey String id;
        @RangeKey @IndexRangeKey("by_sort") String sort;
    }

    static final class NoConstructorCodec implements AttributeCodec<String> {
        NoConstructorCodec(int unused) {
        }

        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.fromS(value);
        }

        @Override
        public String decode(AttributeValue value) {
            return value.s();
        }
    }

    @Table("bad_codec")
    static class BadCodec {
        @HashKey String id;
        @Codec(NoConstructorCodec.class) String name;
    }

    @Table("entity_field")
    static class EntityField {
        @HashKey String id;
        NoTableButEntity other;
    }

    @Table("other_entity")
    static class NoTableButEntity {
        @HashKey String id;
    }

    static class NestedWithFinal {
        final int x = 1;
    }

    @Table("bad_nested")
    static class BadNested {
        @HashKey String id;
        NestedWithFinal nested;
    }

    @Table("same_hash_range")
    static class HashAndRange {
        @HashKey @RangeKey String id;
    }

    @Table("version_key")
    static class VersionKey {
        @HashKey @Version long id;
    }

    static Object[][] cases() {
        return new Object[][] {
            {NoTable.class, List.of("NoTable", "@Table")},
            {ShortName.class, List.of("ShortName", "3 to 255")},
            {NoHashKey.class, List.of("NoHashKey", "no @HashKey")},
            {TwoHashKeys.class, List.of("TwoHashKeys", "two @HashKey", "id", "other")},
            {TwoRangeKeys.class, List.of("TwoRangeKeys", "two @RangeKey", "a", "b")},
            {BooleanKey.class, List.of("BooleanKey.flag", "boolean", "keys cannot hold")},
            {ListRangeKey.class, List.of("ListRangeKey.parts", "List<java.lang.String>", "keys cannot hold")},
            {OptionalKey.class, List.of("OptionalKey.id", "Optional", "keys cannot hold")},
            {MapKey.class, List.of("MapKey.id", "keys cannot hold")},
            {NestedKey.class, List.of("NestedKey.id", "keys cannot hold")},
            {BooleanIndexKey.class, List.of("BooleanIndexKey.flag", "by_flag", "keys cannot hold")},
            {StringVersion.class, List.of("StringVersion.version", "String", "integral")},
            {DoubleVersion.class, List.of("DoubleVersion.version", "double", "integral")},
            {ObjectField.class, List.of("ObjectField.anything", "java.lang.Object", "@Codec")},
            {ArrayField.class, List.of("ArrayField.numbers", "int[]", "List")},
            {IntKeyedMap.class, List.of("IntKeyedMap.byNumber", "map keys must be String")},
            {RawList.class, List.of("RawList.things", "raw type")},
            {BooleanSet.class, List.of("BooleanSet.flags", "Set<java.lang.Boolean>", "use a List")},
            {ThreadField.class, List.of("ThreadField.worker", "java.lang.Thread", "@Codec")},
            {GenericRecord.class, List.of("GenericRecord.value", "not concrete")},
            {WildcardList.class, List.of("WildcardList.numbers", "not concrete")},
            {FinalField.class, List.of("FinalField.name", "final")},
            {NoNoArgConstructor.class, List.of("NoNoArgConstructor", "no-argument constructor")},
            {Inner.class, List.of("Inner", "static")},
            {Abstract.class, List.of("Abstract", "concrete")},
            {MissingDefault.class, List.of("MissingDefault.name", "@Default(\"nope\")", "no method nope()")},
            {InstanceDefault.class, List.of("InstanceDefault.name", "static")},
            {WrongTypeDefault.class, List.of("WrongTypeDefault.name", "returns int")},
            {ParameterDefault.class, List.of("ParameterDefault.name", "no method named()")},
            {StringTtl.class, List.of("StringTtl.expires", "epoch seconds")},
            {SameAttribute.class, List.of("SameAttribute.name", "SameAttribute.nick", "'n'")},
            {EmptyAttribute.class, List.of("EmptyAttribute.name", "empty @Attribute")},
            {ShortIndexName.class, List.of("ShortIndexName.name", "at least 3")},
            {TwoIndexHashKeys.class, List.of("TwoIndexHashKeys", "by_name", "name", "nick")},
            {LocalIndexWithoutTableRange.class, List.of("LocalIndexWithoutTableRange", "by_name", "@RangeKey")},
            {LocalIndexOnTableRange.class, List.of("LocalIndexOnTableRange", "by_sort", "another range key")},
            {BadCodec.class, List.of("BadCodec.name", "NoConstructorCodec", "no-argument constructor")},
            {EntityField.class, List.of("EntityField.other", "own table")},
            {BadNested.class, List.of("BadNested.nested", "NestedWithFinal.x", "final")},
            {HashAndRange.class, List.of("HashAndRange.id", "both @HashKey and @RangeKey")},
            {VersionKey.class, List.of("VersionKey.id", "cannot be a key")},
        };
    }

    static List<Arguments> arguments() {
        return java.util.Arrays.stream(cases()).map(c -> Arguments.of(((Class<?>) c[0]).getSimpleName(), c[0], c[1]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void invalidEntityIsAMappingExceptionNamingClassAndField(String name, Class<?> type, List<String> parts) {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(type));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void theSameErrorIsRaisedOnEveryAttempt() {
        // ClassValue does not cache a failure: the second call explains the problem again
        MappingException first = assertThrows(MappingException.class, () -> EntityModel.of(FinalField.class));
        MappingException second = assertThrows(MappingException.class, () -> EntityModel.of(FinalField.class));
        assertTrue(second.getMessage().equals(first.getMessage()));
    }

    @Test
    void aTableNameIsCheckedAsDynamoDbsPatternChecksIt() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
        String alphabet = "aZ09_.-/ é$";
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
        List<String> names = new java.util.ArrayList<>(List.of("", "ab", "abc", "a".repeat(255), "a".repeat(256),
                "my-table.v2", "my table", "tàble"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        int valid = 0;
        for (String name : names) {
            boolean expected = pattern.matcher(name).matches();
            org.junit.jupiter.api.Assertions.assertEquals(expected, EntityModel.isTableName(name), () -> "'" + name + "'");
            valid += expected ? 1 : 0;
        }
        assertTrue(valid > 1000, valid + " valid names: both kinds are checked");
    }
}
