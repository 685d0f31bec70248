package io.dynamapper.bench;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * {@link UnitItem} as the AWS SDK's Enhanced Client maps it (a bean with getters and setters, the
 * version kept by its {@code VersionedRecordExtension}): P1's Enhanced Client baseline.
 */
@DynamoDbBean
public class EnhancedItem {
    private String id;
    private String s1;
    private String s2;
    private String s3;
    private String s4;
    private String s5;
    private long n1;
    private long n2;
    private long n3;
    private long n4;
    private Long version;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getS1() {
        return s1;
    }

    public void setS1(String s1) {
        this.s1 = s1;
    }

    public String getS2() {
        return s2;
    }

    public void setS2(String s2) {
        this.s2 = s2;
    }

    public String getS3() {
        return s3;
    }

    public void setS3(String s3) {
        this.s3 = s3;
    }

    public String getS4() {
        return s4;
    }

    public void setS4(String s4) {
        this.s4 = s4;
    }

    public String getS5() {
        return s5;
    }

    public void setS5(String s5) {
        this.s5 = s5;
    }

    public long getN1() {
        return n1;
    }

    public void setN1(long n1) {
        this.n1 = n1;
    }

    public long getN2() {
        return n2;
    }

    public void setN2(long n2) {
        this.n2 = n2;
    }

    public long getN3() {
        return n3;
    }

    public void setN3(long n3) {
        this.n3 = n3;
    }

    public long getN4() {
        return n4;
    }

    public void setN4(long n4) {
        this.n4 = n4;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
