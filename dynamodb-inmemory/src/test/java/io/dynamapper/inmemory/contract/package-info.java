/**
 * The contract suite: named cases, each with a fixed expected outcome, run on every backend listed
 * in {@link io.dynamapper.inmemory.contract.ContractBackends}. Real DynamoDB, as the AWS API reference
 * describes it, is the specification.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.dynamapper.inmemory.contract.Backend}: a name and a starter; one instance per run.</li>
 *   <li>{@link io.dynamapper.inmemory.contract.ContractBackends}: the list of backends. Select backends
 *       with {@code -Dcontract.backends=in-memory} (default: all).</li>
 *   <li>{@link io.dynamapper.inmemory.contract.ContractSuite}: a JUnit 5 test factory; a subclass per
 *       area adds cases in {@code define(Cases)}. Per case and backend one dynamic test: the case's
 *       own expectation must hold, and the normalised outcome must equal the one recorded for the
 *       case in {@code <Suite>.outcomes} (test resources, same package; string diff on failure). One
 *       more test per suite fails if the file records a case the suite lacks, or lacks one it has.</li>
 *   <li>{@link io.dynamapper.inmemory.contract.RecordedOutcomes}: reads those files; every run also
 *       writes what each backend rendered to {@code target/contract-outcomes/<backend>/}, so a new
 *       case's outcome can be reviewed against the AWS documentation and copied in.</li>
 *   <li>{@link io.dynamapper.inmemory.contract.Db}: the client under test plus setup helpers; a setup
 *       failure breaks the test instead of becoming the outcome. Every case starts without tables.</li>
 *   <li>{@link io.dynamapper.inmemory.contract.Outcome} and {@link io.dynamapper.inmemory.contract.Normalizer}:
 *       success values and errors (exception class, error code, status, cancellation reasons,
 *       ConditionalCheckFailed item; the error message only for a case that asserts DynamoDB's wording with
 *       {@code expectMessage} or {@code withMessages}) rendered canonically.</li>
 *   <li>{@link io.dynamapper.inmemory.contract.Dsl}: items, keys, names and values in one line.</li>
 * </ul>
 *
 * <h2>Where the outcomes come from</h2>
 * The 352 original cases were verified against DynamoDB Local 2.6.1 (no longer used by the project),
 * and the outcomes recorded from the in-memory DynamoDB, which then rendered exactly DynamoDB Local's
 * outcome on every case. Where DynamoDB Local departs from the AWS API reference, the case now
 * expects what the reference says:
 * <ul>
 *   <li>CreateTable with PAY_PER_REQUEST and ProvisionedThroughput is a ValidationException
 *       (DynamoDB Local accepts it).</li>
 *   <li>A global secondary index of an on-demand table is described with throughput 0/0
 *       (DynamoDB Local leaves ProvisionedThroughput out).</li>
 *   <li>CreateTable answers with the table {@code CREATING} (DynamoDB Local: {@code ACTIVE}); the
 *       in-memory table is {@code ACTIVE} for every later request, so waiters return at once.
 *       DeleteTable answers {@code DELETING}.</li>
 * </ul>
 * Time to live is described as {@code ENABLED} right after UpdateTimeToLive enables it. The API
 * reference allows a transitional {@code ENABLING}, but the developer guide's own example shows
 * {@code ENABLED} immediately, and nothing defines how long {@code ENABLING} lasts, so the fake does
 * not invent a delay.
 */
package io.dynamapper.inmemory.contract;
