/** A real Redis for integration tests: {@link io.touchpoint.test.redis.TestRedis}. */
package io.touchpoint.test.redis;
