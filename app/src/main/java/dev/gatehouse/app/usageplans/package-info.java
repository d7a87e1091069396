/**
 * The Usage Plans page (ACCESS): plans over API stages with a throttle, per-method throttles and a quota, the API
 * keys in each plan, and a chart of each key's requests per day (AWS's GetUsage).
 */
package dev.gatehouse.app.usageplans;
