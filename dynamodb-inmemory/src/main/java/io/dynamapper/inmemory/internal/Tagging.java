package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListTagsOfResource on table ARNs (the ARN DescribeTable shows), with
 * DynamoDB's rules: at most 50 tags per table; keys of 1 to 128 and values of 0 to 256 Unicode letters,
 * digits, spaces and {@code _ . : / = + - @}; no key starting with {@code aws:}; no key twice in one
 * request. Tags take effect at once (DynamoDB may take a few seconds) and ListTagsOfResource answers
 * every tag in one page.
 */
final class Tagging {
    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String INVALID = "One or more parameter values were invalid: ";

    private Tagging() {
    }

    static TagResourceResponse tag(Database db, TagResourceRequest r) {
        checkArn(r.resourceArn());
        if (!r.hasTags() || r.tags().isEmpty()) {
            throw Errors.validation("Atleast one Tag needs to be provided as Input.");
        }
        db.lock.writeLock().lock();
        try {
            StoredTable t = resolve(db, r.resourceArn());
            checkTags(r.tags(), t.extras.tags);
            r.tags().forEach(tag -> t.extras.tags.put(tag.key(), tag.value()));
            return TagResourceResponse.builder().build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    static UntagResourceResponse untag(Database db, UntagResourceRequest r) {
        checkArn(r.resourceArn());
        if (!r.hasTagKeys() || r.tagKeys().isEmpty()) {
            throw Errors.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        for (String key : r.tagKeys()) {
            checkKey(key);
        }
        db.lock.writeLock().lock();
        try {
            StoredTable t = resolve(db, r.resourceArn());
            r.tagKeys().forEach(t.extras.tags::remove);
            return UntagResourceResponse.builder().build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    static ListTagsOfResourceResponse list(Database db, ListTagsOfResourceRequest r) {
        checkArn(r.resourceArn());
        db.lock.readLock().lock();
        try {
            StoredTable t = resolve(db, r.resourceArn());
            List<Tag> tags = new ArrayList<>();
            t.extras.tags.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
            return ListTagsOfResourceResponse.builder().tags(tags).build();
        } finally {
            db.lock.readLock().unlock();
        }
    }

    /** Checks tags to add to a table that has {@code existing} tags (CreateTable passes none). */
    static void checkTags(List<Tag> tags, Map<String, String> existing) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            checkKey(tag.key());
            if (tag.value() == null || tag.value().codePointCount(0, tag.value().length()) > 256
                    || !ALLOWED.matcher(tag.value()).matches()) {
                throw Errors.validation("The Tag Value provided is invalid, Value: " + tag.value());
            }
            if (!keys.add(tag.key())) {
                throw Errors.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + tag.key());
            }
        }
        Map<String, String> after = new LinkedHashMap<>(existing);
        tags.forEach(tag -> after.put(tag.key(), tag.value()));
        if (after.size() > MAX_TAGS) {
            throw Errors.validation("Number of Tags exceed the current limit for the provided ResourceArn");
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.codePointCount(0, key.length()) > 128
                || !ALLOWED.matcher(key).matches()) {
            throw Errors.validation("The Tag Key provided is invalid, Key: " + key);
        }
        if (key.startsWith("aws:")) {
            throw Errors.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
        }
    }

    /** Request-level ARN checks: present, 1 to 1283 characters, an ARN. */
    static void checkArn(String arn) {
        if (arn == null) {
            throw Errors.validation("1 validation error detected: Value null at 'resourceArn' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (arn.isEmpty() || arn.length() > 1283) {
            throw Errors.validation("1 validation error detected: Value '" + arn + "' at 'resourceArn' failed to "
                    + "satisfy constraint: Member must have length " + (arn.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to 1283"));
        }
        if (!arn.startsWith("arn:")) {
            throw Errors.validation(INVALID + "ARNs must start with 'arn:': " + arn);
        }
    }

    /** The table an ARN names: {@code arn:aws:dynamodb:<region>:<account>:table/<name>}. */
    static StoredTable resolve(Database db, String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("dynamodb")) {
            throw Errors.validation(INVALID + "Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        String resource = parts[5];
        if (!resource.startsWith("table/") || resource.indexOf('/', "table/".length()) >= 0) {
            throw Errors.validation(INVALID + "Invalid resource arn provided, only table or stream is accepted. "
                    + "Provided resource arn: " + arn);
        }
        String name = resource.substring("table/".length());
        StoredTable t = db.tables.get(name);
        if (t == null || !TableFactory.tableArn(name).equals(arn)) {
            if (t != null && !arn.startsWith(TableFactory.tableArn(""))) {
                throw Errors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
            }
            throw OpsErrors.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return t;
    }
}
