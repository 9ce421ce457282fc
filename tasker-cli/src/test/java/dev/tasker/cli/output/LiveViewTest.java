package dev.tasker.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    @Test
    void eachFrameReturnsToTheFirstLineOfThePreviousOneAndClearsBelow() {
        StringWriter out = new StringWriter();
        LiveView view = new LiveView(new PrintWriter(out));

        view.show("a\nb\n");
        int firstEnd = out.toString().length();
        view.show("c\nd\ne");
        int secondEnd = out.toString().length();
        view.show("f\n");

        String text = out.toString();
        assertThat(text.substring(0, firstEnd)).isEqualTo("\u001B[Ja\nb\n");
        assertThat(text.substring(firstEnd, secondEnd)).isEqualTo("\u001B[2F\u001B[Jc\nd\ne\n");
        assertThat(text.substring(secondEnd)).isEqualTo("\u001B[3F\u001B[Jf\n");
    }
}
