/** The HTTP API on Micronaut/Netty: controllers, configuration records, error mapping. */
package facegate.api;
