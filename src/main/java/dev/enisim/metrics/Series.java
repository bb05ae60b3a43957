package dev.enisim.metrics;

/**
 * One time series: a metric of one dimension (the account, a function, an ENI key, a subnet), one value per
 * bucket.
 *
 * @param scope     {@code account}, {@code function}, {@code eniKey}, {@code subnet}
 * @param id        the dimension's id (function name, key label, subnet id; "" for the account)
 * @param metric    AWS's name where AWS has one, else {@code Sim.}-prefixed
 * @param statistic {@code Sum} (a count over the bucket), {@code Maximum} or {@code Minimum} (of a level), or
 *                  {@code Average} (a level's time average over the bucket, in thousandths)
 */
public record Series(String scope, String id, String metric, String statistic, long[] values) {
}
