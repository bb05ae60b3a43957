/**
 * {@code enisim gate}: the verdict on an infrastructure change before it deploys. {@code Deployment} turns a
 * {@link dev.enisim.iac.Change} into functions and timeline actions on an imported account (a scenario),
 * {@code Gate} runs the account before and after, {@code Impact} compares the two runs, {@code Rules} holds the
 * thresholds and {@code GateReport} writes the Markdown for a pull request and a self-contained HTML page.
 *
 * <p>May import: {@code iac}, {@code check} (expectations, JUnit XML), {@code run}, {@code metrics},
 * {@code scenario}, Jackson. Sits above {@code report} (it reads run results only).
 */
package dev.enisim.gate;
