/**
 * The contract suite: the same named cases run on DynamoDB Local (the reference) and on every
 * other backend listed in {@link io.dynamapper.testkit.contract.ContractBackends}, and their
 * normalised outcomes must be equal.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.dynamapper.testkit.contract.Backend}: a name and a starter; one instance per run.</li>
 *   <li>{@link io.dynamapper.testkit.contract.ContractBackends}: the list of backends. To plug in the
 *       fake, uncomment {@code inMemory()} and add it to {@code all()}. Select backends with
 *       {@code -Dcontract.backends=dynamodb-local,in-memory} (default: all).</li>
 *   <li>{@link io.dynamapper.testkit.contract.ContractSuite}: a JUnit 5 test factory; a subclass per
 *       area adds cases in {@code define(Cases)}. Per case and backend one dynamic test: the
 *       case's expectation must hold, and a non-reference backend must render the same outcome
 *       as the reference (string diff on failure).</li>
 *   <li>{@link io.dynamapper.testkit.contract.Db}: the client under test plus setup helpers; a setup
 *       failure breaks the test instead of becoming the outcome. Every case starts without tables.</li>
 *   <li>{@link io.dynamapper.testkit.contract.Outcome} and {@link io.dynamapper.testkit.contract.Normalizer}:
 *       success values and errors (exception class, error code, status, cancellation reasons,
 *       ConditionalCheckFailed item; never messages) rendered canonically.</li>
 *   <li>{@link io.dynamapper.testkit.contract.Dsl}: items, keys, names and values in one line.</li>
 * </ul>
 *
 * <h2>DynamoDB Local 2.6.1 deviations from the AWS documentation kept as expectations</h2>
 * <ul>
 *   <li>CreateTable with PAY_PER_REQUEST and ProvisionedThroughput succeeds (AWS: ValidationException).</li>
 *   <li>A GSI of an on-demand table is described without ProvisionedThroughput (AWS: 0/0).</li>
 *   <li>Tables are ACTIVE and time to live ENABLED at once (AWS: CREATING, ENABLING first).</li>
 * </ul>
 * Not made a case: embedded DynamoDB Local returns an attribute named {@code nul} twice, also
 * as {@code null}; no case uses that name.
 */
package io.dynamapper.testkit.contract;
