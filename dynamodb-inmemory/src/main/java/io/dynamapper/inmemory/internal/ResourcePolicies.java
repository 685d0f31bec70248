package io.dynamapper.inmemory.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse;

/**
 * Put, Get and DeleteResourcePolicy on table ARNs: the policy is kept (a JSON object of at most 20,480
 * bytes) with a revision id, and enforced nowhere, as the fake has no identities. {@code ExpectedRevisionId}
 * must name the current revision.
 */
final class ResourcePolicies {
    static final int MAX_POLICY_BYTES = 20_480;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final AtomicLong REVISIONS = new AtomicLong();

    private ResourcePolicies() {
    }

    private static PolicyNotFoundException notFound(String m) {
        return (PolicyNotFoundException) PolicyNotFoundException.builder().message(m).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("PolicyNotFoundException").errorMessage(m)
                        .serviceName("DynamoDb").sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build()).build();
    }

    private static void checkRevision(StoredTable t, String arn, String expected) {
        if (expected == null) {
            return;
        }
        if (t.extras.policy == null) {
            throw notFound("Resource-based policy not found for the provided ResourceArn: " + arn);
        }
        if (!expected.equals(t.extras.policyRevision)) {
            throw notFound("Resource-based policy not found for the provided ResourceArn: Requested update for policy "
                    + "with revision id " + expected + ", but the policy associated to target table " + t.name
                    + " has revision id " + t.extras.policyRevision + ".");
        }
    }

    static PutResourcePolicyResponse put(Database db, PutResourcePolicyRequest r) {
        Tagging.checkArn(r.resourceArn());
        if (r.policy() == null) {
            throw Errors.validation("1 validation error detected: Value null at 'policy' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (r.policy().getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw Errors.validation(INVALID + "Maximum policy size of " + MAX_POLICY_BYTES + " bytes exceeded");
        }
        JsonNode document;
        try {
            document = JSON.readTree(r.policy());
        } catch (JsonProcessingException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            throw Errors.validation(INVALID + "Invalid policy document: This policy contains invalid Json");
        }
        db.lock.writeLock().lock();
        try {
            StoredTable t = Tagging.resolve(db, r.resourceArn());
            checkRevision(t, r.resourceArn(), r.expectedRevisionId());
            t.extras.policy = r.policy();
            t.extras.policyRevision = Long.toString(REVISIONS.incrementAndGet());
            return PutResourcePolicyResponse.builder().revisionId(t.extras.policyRevision).build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }

    static GetResourcePolicyResponse get(Database db, GetResourcePolicyRequest r) {
        Tagging.checkArn(r.resourceArn());
        db.lock.readLock().lock();
        try {
            StoredTable t = Tagging.resolve(db, r.resourceArn());
            if (t.extras.policy == null) {
                throw notFound("Resource-based policy not found for the provided ResourceArn: " + r.resourceArn());
            }
            return GetResourcePolicyResponse.builder().policy(t.extras.policy).revisionId(t.extras.policyRevision)
                    .build();
        } finally {
            db.lock.readLock().unlock();
        }
    }

    static DeleteResourcePolicyResponse delete(Database db, DeleteResourcePolicyRequest r) {
        Tagging.checkArn(r.resourceArn());
        db.lock.writeLock().lock();
        try {
            StoredTable t = Tagging.resolve(db, r.resourceArn());
            if (t.extras.policy == null) {
                throw notFound("Resource-based policy not found for the provided ResourceArn: " + r.resourceArn());
            }
            checkRevision(t, r.resourceArn(), r.expectedRevisionId());
            String revision = t.extras.policyRevision;
            t.extras.policy = null;
            t.extras.policyRevision = null;
            return DeleteResourcePolicyResponse.builder().revisionId(revision).build();
        } finally {
            db.lock.writeLock().unlock();
        }
    }
}
