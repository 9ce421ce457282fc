package dev.tasker.worker.template;

/** A template file the worker refuses to start with; the message names the file and every reason. */
public class InvalidTemplateFileException extends RuntimeException {

    public InvalidTemplateFileException(String source, String reason) {
        super("template " + source + ": " + reason);
    }
}
