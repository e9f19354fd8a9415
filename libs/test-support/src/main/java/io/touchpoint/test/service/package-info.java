/** Checks every Touchpoint service must pass, inherited by each service's application-level IT. */
package io.touchpoint.test.service;
