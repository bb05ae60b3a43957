package dev.enisim.report.page;

/** The lesson scenarios of {@link TeacherLessonFaultsTest}, for the terminal's and explain's tests in other packages. */
public final class TeacherLessonFaultsTestAccess {

    public static final String REUSE = TeacherLessonFaultsTest.REUSE;

    private TeacherLessonFaultsTestAccess() {
    }
}
