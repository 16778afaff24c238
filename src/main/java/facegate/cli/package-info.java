/** The picocli command line: argument parsing only; the work is done by the pipeline and eval. */
package facegate.cli;
