package dev.enisim.cli;

import dev.enisim.scenario.ReadScope;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --allow-read DIR}: a folder whose files a scenario may name (a trace) besides its own folder's (a picocli
 * mixin of the commands that read scenarios; {@link ReadScope} holds it for the command).
 */
final class AllowRead {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** A new command line: only each scenario's own folder, whatever an earlier one in this process allowed. */
    AllowRead() {
        ReadScope.reset();
    }

    @Option(names = ReadScope.OPTION, paramLabel = "DIR",
            description = {"A folder (repeatable) whose files, and its subfolders', a scenario may read as a trace "
                + "(trace: {file: ...}) besides those in or below its own folder (default: only its own folder). "
                + "A trace elsewhere is refused, symbolic links followed: give only folders you trust the "
                + "scenario with."})
    void folders(List<Path> folders) {
        for (Path f : folders) {
            String problem = ReadScope.folderProblem(f);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
        }
        ReadScope.allow(folders);
    }
}
