/** ArchUnit rules that keep each service's packages in the layering of ARCHITECTURE.md. */
package io.touchpoint.test.architecture;
