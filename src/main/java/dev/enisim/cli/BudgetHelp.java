package dev.enisim.cli;

/**
 * The words of {@link Budget}'s help that are computed, not written: picocli reads them from this bundle ({@code
 * ${bundle:max-events.time}}), so that the time said of the default {@code --max-events} is the time estimate's own
 * (its pace at one function and at 2,000), and moves with it. Public for {@link java.util.ResourceBundle} to load it.
 */
public final class BudgetHelp extends java.util.ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {{"max-events.time", Budget.defaultBudgetTime()}};
    }
}
