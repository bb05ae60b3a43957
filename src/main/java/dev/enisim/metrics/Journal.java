package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.ScaleOutLimit;
import dev.enisim.model.WorldListener;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's meaningful events in order (function states, updates, ENI lifecycle and sharing, timeline actions),
 * for the narrated timeline and the state chart. Invocations are not listed one by one: per function, the
 * outcomes of each spell between two of its state changes are counted and written as one entry per outcome when
 * the spell ends, so memory grows with lifecycle events, not with invocations.
 */
public final class Journal implements WorldListener {

    private final List<JournalEntry> entries = new ArrayList<>();
    private List<String> functionNames;
    private static final int OUTCOMES = Outcome.all().length;
    private static final int SUCCESS = Outcome.SUCCESS.ordinal();
    private static final int STRIDE = FunctionLines.STRIDE;
    private static final int SPELL = FunctionLines.SPELL;
    /**
     * Per outcome (a row made on its first use), per function: invocations since the function's last state change,
     * and the instant of the spell's first. Outcome-major, so that with thousands of functions an invocation touches
     * the dense rows of its outcome (one shared by all functions), not a block of counters per function. Successes,
     * nearly every invocation, are counted in the function's {@link FunctionLines} row instead ({@link
     * FunctionLines#SPELL}), on the line its start updates anyway: their row here stays null.
     */
    private long[][] spellCounts;   // [outcome][function]
    private long[][] firstAt;       // [outcome][function]
    private long[][] lastAt;        // [outcome][function], outcomes other than success (rare: failures)
    private FunctionLines lines = new FunctionLines(); // its own, or the levels' (useRows)
    private long[] rows;            // lines' rows: the successes in the spell
    /** Failed restores that repeat the one before, counted instead of listed (one entry when they end). */
    private RestoreRetries retries;
    /** Per function, the held Pending change's entry ({@link RestoreRetries.Step#HOLD}), to take back on a fold. */
    private JournalEntry[] held;
    /** Per function, the refused scale-outs of its spell, newest limit first (null: none; rare, so a chain). */
    private Refusing[] refusing;
    /** The refused scale-outs of spells closed so far. */
    private final List<RefusedScaleOut> refused = new ArrayList<>();

    /** Binds to the run's functions, by index. */
    public void attach(List<String> functionNames) {
        this.functionNames = List.copyOf(functionNames);
        spellCounts = new long[OUTCOMES][];
        firstAt = new long[OUTCOMES][];
        lastAt = new long[OUTCOMES][];
        rows = lines.rows(functionNames.size());
        firstAt[SUCCESS] = new long[functionNames.size()];
        retries = new RestoreRetries(functionNames.size());
        held = new JournalEntry[functionNames.size()];
        refusing = new Refusing[functionNames.size()];
    }

    /**
     * Counts the successes in {@code shared}'s rows ({@link EnvironmentLevels#shareRows}, beside the levels a start
     * updates too). Call before {@link #attach}; after it, they stay where they are.
     */
    void useRows(FunctionLines shared) {
        if (rows == null) {
            lines = shared;
        }
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        int o = outcome.ordinal();
        if (o == SUCCESS) {
            if (rows[function * STRIDE + SPELL]++ == 0) {
                firstAt[SUCCESS][function] = nowMicros;
            }
            return;
        }
        if (retries.held(function)) {
            // the held restore started (the function is Pending): the spell before it ended when it began
            closeSpell(function, retries.heldAt(function));
            retries.release(function);
        }
        long[] counts = spellCounts[o];
        if (counts == null) {
            counts = new long[functionNames.size()];
            spellCounts[o] = counts;
            firstAt[o] = new long[counts.length];
            lastAt[o] = new long[counts.length];
        }
        if (counts[function]++ == 0) {
            firstAt[o][function] = nowMicros;
        }
        lastAt[o][function] = nowMicros;
    }

    /** Counted per limit in the function's spell, written with its invocations when the spell ends. */
    @Override
    public void scaleOutRefused(int function, EniKey key, ScaleOutLimit limit, long nowMicros) {
        String where = switch (limit) {
            case SUBNET_IPS -> key.subnetId();
            case VPC_ENI_QUOTA -> key.vpcId();
            case REGION_NETWORK_INTERFACES -> key.account(); // whose Region quota: "" when one account
        };
        for (Refusing r = refusing[function]; r != null; r = r.next) {
            if (r.limit == limit && r.where.equals(where)) {
                r.count++;
                r.lastMicros = nowMicros;
                return;
            }
        }
        refusing[function] = new Refusing(limit, where, nowMicros, refusing[function]);
    }

    /** One limit's refusals in a function's spell so far. */
    private static final class Refusing {
        final ScaleOutLimit limit;
        final String where;
        final long firstMicros;
        final Refusing next;
        long count = 1;
        long lastMicros;

        Refusing(ScaleOutLimit limit, String where, long nowMicros, Refusing next) {
            this.limit = limit;
            this.where = where;
            this.firstMicros = nowMicros;
            this.lastMicros = nowMicros;
            this.next = next;
        }
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        boolean wasHeld = retries.held(function);
        long heldAt = retries.heldAt(function);
        switch (retries.step(function, state, reason, nowMicros)) {
            case FOLD -> {
                // a retry failed as the one before: its Pending change goes, the spell of failures goes on
                removeLast(held[function]);
                held[function] = null;
                return;
            }
            case HOLD -> {
                // the spell is closed when the restore turns out to have started (not at a retry that fails)
                held[function] = add(nowMicros, JournalEntry.Kind.FUNCTION_STATE, name(function), state.name(),
                        reason.name(), cause);
                return;
            }
            case RECORD -> {
                if (wasHeld) {
                    closeSpell(function, heldAt);
                }
                held[function] = null;
                writeRetries(function);
            }
        }
        closeSpell(function, nowMicros);
        add(nowMicros, JournalEntry.Kind.FUNCTION_STATE, name(function), state.name(),
                reason == null ? null : reason.name(), cause);
    }

    /** The folded retries of a function's failed restore, as one entry from the first retry to the last. */
    private void writeRetries(int function) {
        long n = retries.count(function);
        if (n > 0) {
            entries.add(new JournalEntry(retries.first(function), JournalEntry.Kind.RESTORE_RETRIES, name(function),
                    State.Inactive.name(), retries.reason(function).name(), "restore tried again", n,
                    retries.last(function), retries.last(function)));
            retries.written(function);
        }
    }

    private void removeLast(JournalEntry e) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) == e) {
                entries.remove(i);
                return;
            }
        }
        throw new IllegalStateException("held entry not found: " + e);
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        add(nowMicros, JournalEntry.Kind.FUNCTION_UPDATE, name(function), status.name(),
                reason == null ? null : reason.name(), "");
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        add(nowMicros, JournalEntry.Kind.ENI_STATE, eni.name(), to.name(), null, where(eni));
    }

    @Override
    public void eniShared(int function, EniId eni, long nowMicros) {
        add(nowMicros, JournalEntry.Kind.ENI_SHARED, name(function), eni.name(), null, where(eni));
    }

    @Override
    public void eniAwaited(int function, EniId eni, long nowMicros) {
        add(nowMicros, JournalEntry.Kind.ENI_AWAITED, name(function), eni.name(), null, where(eni));
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        add(nowMicros, JournalEntry.Kind.ACTION, "", "", null, description);
    }

    private static String where(EniId eni) {
        return eni.keyLabel() + " " + eni.address();
    }

    private String name(int function) {
        return functionNames.get(function);
    }

    private JournalEntry add(long at, JournalEntry.Kind kind, String subject, String state, String reason,
            String detail) {
        JournalEntry e = new JournalEntry(at, kind, subject, state, reason, detail, 0, at);
        entries.add(e);
        return e;
    }

    private void closeSpell(int function, long now) {
        for (Outcome o : Outcome.all()) {
            boolean success = o.ordinal() == SUCCESS;
            long[] counts = success ? rows : spellCounts[o.ordinal()];
            int at = success ? function * STRIDE + SPELL : function;
            long n = counts == null ? 0 : counts[at];
            if (n > 0) {
                entries.add(new JournalEntry(firstAt[o.ordinal()][function], JournalEntry.Kind.INVOCATIONS,
                        name(function), o.name(), o.exception(), o.reason() == null ? "" : o.reason(), n, now,
                        success ? now : lastAt[o.ordinal()][function]));
                counts[at] = 0;
            }
        }
        if (refusing[function] != null) {
            int from = refused.size();
            for (Refusing r = refusing[function]; r != null; r = r.next) {
                refused.add(from, new RefusedScaleOut(name(function), r.limit, r.where, r.count, r.firstMicros,
                        r.lastMicros)); // the chain is newest first: each goes before the ones after it
            }
            refusing[function] = null;
        }
    }

    /** The entries in time order (stable), with each function's last spell closed at {@code endMicros}. */
    public List<JournalEntry> entries(long endMicros) {
        for (int f = 0; f < functionNames.size(); f++) {
            if (retries.held(f)) {
                closeSpell(f, retries.heldAt(f));
                retries.release(f);
            }
            writeRetries(f);
            closeSpell(f, endMicros);
        }
        List<JournalEntry> out = new ArrayList<>(entries);
        out.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
        return out;
    }

    /** The refused scale-outs of every spell (after {@link #entries}, which closes the last ones), by their first. */
    public List<RefusedScaleOut> refusedScaleOuts() {
        List<RefusedScaleOut> out = new ArrayList<>(refused);
        out.sort((a, b) -> Long.compare(a.firstMicros(), b.firstMicros()));
        return out;
    }
}
