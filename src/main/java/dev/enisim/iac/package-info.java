/**
 * Reading an infrastructure change: CloudFormation templates (YAML with short-form tags, or JSON), SAM templates
 * (Globals, AutoPublishAlias), CDK synthesized templates (with nested stacks) and Terraform plans
 * ({@code terraform show -json}). {@code TemplateFile} reads a file into a tree, {@code Intrinsics} resolves
 * references from the template, parameters, exports and the known account ids, {@code CloudFormation} and
 * {@code TerraformPlan} turn resources into a {@link dev.enisim.iac.Change}. What cannot be resolved becomes a
 * {@link dev.enisim.iac.Change.Placeholder} with where to find it; bad input a problem with file and path.
 *
 * <p>May import: {@code scenario} (problems), Jackson, SnakeYAML.
 */
package dev.enisim.iac;
