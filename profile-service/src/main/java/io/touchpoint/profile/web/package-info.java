/** REST controllers and their request/response records; depends on application and domain only. */
package io.touchpoint.profile.web;
