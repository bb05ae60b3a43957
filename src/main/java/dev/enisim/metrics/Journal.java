package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.World;
import dev.enisim.model.WorldListener;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.HyperplaneEni;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Subnet;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's meaningful events in order (function states, updates, ENI lifecycle, timeline actions), for the
 * narrated timeline and state charts. Invocations are not listed one by one: per function, the outcomes of
 * each spell between two of its state changes are counted and written as one entry when the spell ends, so
 * memory grows with lifecycle events, not with invocations.
 */
public final class Journal implements WorldListener {

    private final List<JournalEntry> entries = new ArrayList<>();
    private World world;
    private long[][] spellCounts;   // [function][outcome] since the function's last state change
    private long[] spellStart;
    private long[][] firstAt;       // [function][outcome] time of the first occurrence in the spell, -1 if none

    public void attach(World w) {
        this.world = w;
        int n = w.functions().size();
        int o = Outcome.all().length;
        spellCounts = new long[n][o];
        spellStart = new long[n];
        firstAt = new long[n][o];
        for (long[] f : firstAt) {
            java.util.Arrays.fill(f, -1);
        }
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        int o = outcome.ordinal();
        if (spellCounts[function][o]++ == 0) {
            firstAt[function][o] = nowMicros;
        }
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        closeSpell(function, nowMicros);
        String name = world.functions().get(function).name();
        entries.add(new JournalEntry(nowMicros, JournalEntry.Kind.FUNCTION_STATE, name,
                state.name() + (reason == null ? "" : " (" + reason.name() + ")"), cause));
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        entries.add(new JournalEntry(nowMicros, JournalEntry.Kind.FUNCTION_UPDATE,
                world.functions().get(function).name(), "LastUpdateStatus " + status.name()
                        + (reason == null ? "" : " (" + reason.name() + ")"), ""));
    }

    @Override
    public void eniState(HyperplaneEni eni, EniState from, long nowMicros) {
        Subnet s = world.subnets().get(eni.subnet());
        entries.add(new JournalEntry(nowMicros, JournalEntry.Kind.ENI_STATE, eni.name(), eni.state().name(),
                world.pools().get(eni.key()).eniKey().label() + " " + s.address(eni.ipIndex())));
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        entries.add(new JournalEntry(nowMicros, JournalEntry.Kind.ACTION, "", description, ""));
    }

    private void closeSpell(int function, long now) {
        long[] counts = spellCounts[function];
        String name = world.functions().get(function).name();
        for (Outcome o : Outcome.all()) {
            long n = counts[o.ordinal()];
            if (n > 0) {
                entries.add(new JournalEntry(firstAt[function][o.ordinal()], JournalEntry.Kind.INVOCATIONS, name,
                        n + " " + o.name(), "until " + now));
                counts[o.ordinal()] = 0;
                firstAt[function][o.ordinal()] = -1;
            }
        }
        spellStart[function] = now;
    }

    /** The entries in time order, with each function's last spell closed at {@code endMicros}. */
    public List<JournalEntry> entries(long endMicros) {
        for (int f = 0; f < spellCounts.length; f++) {
            closeSpell(f, endMicros);
        }
        List<JournalEntry> out = new ArrayList<>(entries);
        out.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
        return out;
    }
}
