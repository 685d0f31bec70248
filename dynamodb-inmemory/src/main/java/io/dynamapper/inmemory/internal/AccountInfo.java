package io.dynamapper.inmemory.internal;

import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/**
 * DescribeLimits and DescribeEndpoints: the default quotas of a new AWS account (80,000 read and write
 * capacity units per account, 40,000 per table, the limit CreateTable and UpdateTable enforce) and one
 * endpoint in the fake's region, cacheable for a day as DynamoDB answers.
 */
final class AccountInfo {
    static final long ACCOUNT_MAX_CAPACITY_UNITS = 80_000;
    static final long TABLE_MAX_CAPACITY_UNITS = 40_000;

    private AccountInfo() {
    }

    static DescribeLimitsResponse describeLimits() {
        return DescribeLimitsResponse.builder()
                .accountMaxReadCapacityUnits(ACCOUNT_MAX_CAPACITY_UNITS)
                .accountMaxWriteCapacityUnits(ACCOUNT_MAX_CAPACITY_UNITS)
                .tableMaxReadCapacityUnits(TABLE_MAX_CAPACITY_UNITS)
                .tableMaxWriteCapacityUnits(TABLE_MAX_CAPACITY_UNITS)
                .build();
    }

    static DescribeEndpointsResponse describeEndpoints() {
        String region = TableFactory.tableArn("x").split(":")[3];
        return DescribeEndpointsResponse.builder().endpoints(Endpoint.builder()
                .address("dynamodb." + region + ".amazonaws.com").cachePeriodInMinutes(1440L).build()).build();
    }
}
