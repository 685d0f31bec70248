package io.dynamapper.engine.internal.mapping;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A nested class or record without {@code @Table}, stored as a map of its properties. */
final class ObjectCodec implements ValueCodec {
    private ClassShape shape; // set once after construction: shapes may refer to themselves

    void shape(ClassShape value) {
        this.shape = value;
    }

    ClassShape shape() {
        return shape;
    }

    @Override
    public AttributeValue encode(Object value) {
        return AttributeValue.fromM(shape.encode(value));
    }

    @Override
    public Object decode(AttributeValue value) {
        if (!value.hasM()) {
            throw DecodeException.typeMismatch("M", value);
        }
        return shape.decode(value.m());
    }

    /** The snapshots of the nested object's properties. */
    @Override
    public Object snapshot(Object value) {
        return shape.snapshot(value);
    }

    @Override
    public boolean same(Object snapshot, Object value) {
        return shape.unchanged((Object[]) snapshot, value);
    }

    @Override
    public Object restore(Object snapshot) {
        return shape.restore((Object[]) snapshot);
    }

    @Override
    public String dynamoType() {
        return "M";
    }

    @Override
    public boolean immutable() {
        return false;
    }
}
