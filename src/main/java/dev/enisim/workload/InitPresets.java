package dev.enisim.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runtime presets for a cold start's init time, calibrated on measurements.
 *
 * <p>Source: the public daily benchmark maxday/lambda-perf (Apache-2.0), files {@code data/2026-05-28.json} to
 * {@code data/2026-08-22.json} (86 days): every day each configuration's "ultra simple hello-world function" was
 * freshly deployed and invoked 10 times as a cold start, so each row below aggregates about 770 {@code REPORT}
 * lines' {@code Init Duration}. The figures are the platform-and-runtime floor: a real function adds its own
 * initialisation on top ({@code initExtra} in a scenario).
 *
 * <p>Each row keeps the measured p50, p90 and p99 (milliseconds). A preset's distribution is a log-normal
 * shifted by a floor, {@code shift + exp(mu + sigma Z)}, fitted to those three percentiles ({@link #fit}):
 * exact at all three where the measured tail is at least as heavy as a log-normal's (the shift then solves
 * {@code ln((p99-c)/(p50-c)) / ln((p90-c)/(p50-c)) = z99/z90}); otherwise the shift is 0, the median exact and
 * sigma the least-squares fit of the log ratios at p90 and p99. Memory sizes between measured ones (128, 256,
 * 512, 1024 MB) use percentiles interpolated linearly in log2(memory); sizes above 1,024 MB use the 1,024 MB
 * figures (the benchmark measured no larger size; init is mostly CPU-bound and a larger function gets more
 * CPU, so this errs on the slow side).
 */
public final class InitPresets {

    /** z such that Phi(z) = 0.90. */
    static final double Z90 = 1.2815515655446004;
    static final double Z99 = DistributionSpec.LogNormal.Z99;

    /** One measured configuration. Percentiles in milliseconds. */
    public record Measured(String runtime, int memoryMb, String architecture, String packageType, int samples,
            double p50Ms, double p90Ms, double p99Ms) {
    }

    /** A fitted shifted log-normal, in milliseconds; {@code exact} when it passes through all three percentiles. */
    public record Fit(double shiftMs, double mu, double sigma, boolean exact) {
        public double atZ(double z) {
            return shiftMs + Math.exp(mu + sigma * z);
        }
    }

    private static final List<Measured> ROWS = List.of(
            new Measured("dotnet10", 128, "arm64", "Image", 755, 361.3, 662.5, 843.9),
            new Measured("dotnet10", 256, "arm64", "Image", 772, 359.7, 567.5, 844.4),
            new Measured("dotnet10", 512, "arm64", "Image", 767, 362.3, 603.8, 826.3),
            new Measured("dotnet10", 1024, "arm64", "Image", 773, 361.8, 584.6, 845.5),
            new Measured("dotnet10", 128, "arm64", "Zip", 762, 250.0, 579.8, 635.4),
            new Measured("dotnet10", 256, "arm64", "Zip", 774, 251.9, 589.8, 669.1),
            new Measured("dotnet10", 512, "arm64", "Zip", 760, 254.2, 595.4, 680.0),
            new Measured("dotnet10", 1024, "arm64", "Zip", 774, 252.4, 592.4, 661.8),
            new Measured("dotnet10", 128, "x86_64", "Image", 755, 397.7, 698.2, 854.5),
            new Measured("dotnet10", 256, "x86_64", "Image", 765, 400.9, 714.6, 879.4),
            new Measured("dotnet10", 512, "x86_64", "Image", 766, 403.7, 716.2, 892.7),
            new Measured("dotnet10", 1024, "x86_64", "Image", 765, 403.6, 707.4, 863.4),
            new Measured("dotnet10", 128, "x86_64", "Zip", 762, 263.2, 580.0, 720.3),
            new Measured("dotnet10", 256, "x86_64", "Zip", 762, 258.1, 575.3, 722.5),
            new Measured("dotnet10", 512, "x86_64", "Zip", 767, 259.6, 571.5, 707.2),
            new Measured("dotnet10", 1024, "x86_64", "Zip", 761, 262.5, 542.0, 727.5),
            new Measured("dotnet8", 128, "arm64", "Image", 765, 414.9, 619.0, 839.0),
            new Measured("dotnet8", 256, "arm64", "Image", 776, 414.2, 633.6, 842.6),
            new Measured("dotnet8", 512, "arm64", "Image", 772, 416.9, 623.3, 839.2),
            new Measured("dotnet8", 1024, "arm64", "Image", 774, 417.9, 628.7, 834.4),
            new Measured("dotnet8", 128, "arm64", "Zip", 780, 294.0, 368.7, 662.3),
            new Measured("dotnet8", 256, "arm64", "Zip", 774, 292.5, 379.5, 698.6),
            new Measured("dotnet8", 512, "arm64", "Zip", 762, 293.9, 382.8, 696.7),
            new Measured("dotnet8", 1024, "arm64", "Zip", 762, 294.5, 382.7, 703.7),
            new Measured("dotnet8", 128, "x86_64", "Image", 767, 404.0, 688.1, 818.4),
            new Measured("dotnet8", 256, "x86_64", "Image", 761, 404.6, 665.5, 818.8),
            new Measured("dotnet8", 512, "x86_64", "Image", 774, 403.2, 678.6, 857.1),
            new Measured("dotnet8", 1024, "x86_64", "Image", 766, 410.0, 695.4, 845.2),
            new Measured("dotnet8", 128, "x86_64", "Zip", 768, 257.2, 319.7, 640.7),
            new Measured("dotnet8", 256, "x86_64", "Zip", 774, 258.1, 320.3, 662.5),
            new Measured("dotnet8", 512, "x86_64", "Zip", 768, 258.2, 333.1, 666.5),
            new Measured("dotnet8", 1024, "x86_64", "Zip", 780, 260.4, 344.3, 652.2),
            new Measured("java11", 128, "arm64", "Image", 774, 336.5, 612.3, 749.7),
            new Measured("java11", 256, "arm64", "Image", 765, 336.4, 567.3, 757.8),
            new Measured("java11", 512, "arm64", "Image", 767, 333.7, 605.8, 747.2),
            new Measured("java11", 1024, "arm64", "Image", 762, 334.7, 568.6, 753.2),
            new Measured("java11", 128, "arm64", "Zip", 768, 282.5, 488.9, 563.1),
            new Measured("java11", 256, "arm64", "Zip", 754, 281.9, 453.1, 567.5),
            new Measured("java11", 512, "arm64", "Zip", 768, 279.2, 475.8, 562.5),
            new Measured("java11", 1024, "arm64", "Zip", 774, 282.0, 492.2, 563.2),
            new Measured("java11", 128, "x86_64", "Image", 761, 390.0, 663.1, 816.2),
            new Measured("java11", 256, "x86_64", "Image", 767, 379.6, 652.1, 852.3),
            new Measured("java11", 512, "x86_64", "Image", 756, 377.6, 668.4, 805.8),
            new Measured("java11", 1024, "x86_64", "Image", 773, 373.0, 634.7, 826.4),
            new Measured("java11", 128, "x86_64", "Zip", 768, 282.0, 341.5, 581.0),
            new Measured("java11", 256, "x86_64", "Zip", 761, 283.2, 347.0, 582.8),
            new Measured("java11", 512, "x86_64", "Zip", 757, 279.4, 352.5, 586.1),
            new Measured("java11", 1024, "x86_64", "Zip", 756, 278.6, 333.6, 559.4),
            new Measured("java17", 128, "arm64", "Image", 761, 289.6, 462.7, 662.9),
            new Measured("java17", 256, "arm64", "Image", 763, 286.9, 444.9, 644.3),
            new Measured("java17", 512, "arm64", "Image", 761, 291.9, 477.8, 682.5),
            new Measured("java17", 1024, "arm64", "Image", 762, 288.2, 455.6, 627.7),
            new Measured("java17", 128, "arm64", "Zip", 768, 215.2, 232.0, 279.8),
            new Measured("java17", 256, "arm64", "Zip", 762, 216.0, 232.1, 331.2),
            new Measured("java17", 512, "arm64", "Zip", 780, 215.4, 231.8, 335.4),
            new Measured("java17", 1024, "arm64", "Zip", 774, 215.4, 230.4, 298.7),
            new Measured("java17", 128, "x86_64", "Image", 761, 308.0, 426.6, 695.6),
            new Measured("java17", 256, "x86_64", "Image", 774, 301.2, 445.1, 707.8),
            new Measured("java17", 512, "x86_64", "Image", 780, 309.8, 436.7, 713.7),
            new Measured("java17", 1024, "x86_64", "Image", 767, 314.6, 487.9, 716.5),
            new Measured("java17", 128, "x86_64", "Zip", 762, 208.1, 240.5, 333.3),
            new Measured("java17", 256, "x86_64", "Zip", 768, 209.0, 241.3, 527.1),
            new Measured("java17", 512, "x86_64", "Zip", 774, 208.1, 243.0, 343.8),
            new Measured("java17", 1024, "x86_64", "Zip", 756, 207.5, 240.0, 382.9),
            new Measured("java21", 128, "arm64", "Image", 767, 303.7, 438.3, 713.5),
            new Measured("java21", 256, "arm64", "Image", 780, 304.7, 478.8, 745.6),
            new Measured("java21", 512, "arm64", "Image", 768, 306.3, 466.6, 733.1),
            new Measured("java21", 1024, "arm64", "Image", 777, 304.9, 457.6, 742.9),
            new Measured("java21", 128, "arm64", "Zip", 774, 246.2, 265.9, 361.4),
            new Measured("java21", 256, "arm64", "Zip", 770, 247.2, 264.8, 340.4),
            new Measured("java21", 512, "arm64", "Zip", 761, 247.9, 269.2, 585.7),
            new Measured("java21", 1024, "arm64", "Zip", 780, 246.4, 267.1, 348.4),
            new Measured("java21", 128, "x86_64", "Image", 761, 339.8, 556.9, 812.8),
            new Measured("java21", 256, "x86_64", "Image", 753, 347.8, 650.6, 840.4),
            new Measured("java21", 512, "x86_64", "Image", 756, 346.3, 553.8, 811.1),
            new Measured("java21", 1024, "x86_64", "Image", 761, 340.0, 546.2, 787.2),
            new Measured("java21", 128, "x86_64", "Zip", 779, 243.4, 279.6, 596.6),
            new Measured("java21", 256, "x86_64", "Zip", 774, 242.4, 277.7, 611.1),
            new Measured("java21", 512, "x86_64", "Zip", 762, 245.1, 291.0, 622.0),
            new Measured("java21", 1024, "x86_64", "Zip", 774, 243.8, 292.3, 590.8),
            new Measured("java25", 128, "arm64", "Image", 771, 239.5, 409.6, 551.6),
            new Measured("java25", 256, "arm64", "Image", 780, 237.2, 398.6, 559.9),
            new Measured("java25", 512, "arm64", "Image", 772, 243.2, 403.2, 568.6),
            new Measured("java25", 1024, "arm64", "Image", 768, 239.0, 398.6, 567.4),
            new Measured("java25", 128, "arm64", "Zip", 774, 192.0, 217.5, 437.0),
            new Measured("java25", 256, "arm64", "Zip", 774, 194.0, 222.3, 434.7),
            new Measured("java25", 512, "arm64", "Zip", 768, 196.2, 221.0, 435.2),
            new Measured("java25", 1024, "arm64", "Zip", 780, 196.1, 227.5, 431.8),
            new Measured("java25", 128, "x86_64", "Image", 766, 248.6, 486.5, 653.0),
            new Measured("java25", 256, "x86_64", "Image", 767, 247.0, 504.2, 632.9),
            new Measured("java25", 512, "x86_64", "Image", 768, 246.9, 494.8, 657.9),
            new Measured("java25", 1024, "x86_64", "Image", 754, 247.4, 518.9, 661.1),
            new Measured("java25", 128, "x86_64", "Zip", 768, 195.1, 284.9, 489.6),
            new Measured("java25", 256, "x86_64", "Zip", 766, 194.2, 287.3, 477.1),
            new Measured("java25", 512, "x86_64", "Zip", 780, 194.1, 278.0, 501.6),
            new Measured("java25", 1024, "x86_64", "Zip", 780, 194.3, 275.2, 488.6),
            new Measured("java8.al2", 128, "arm64", "Image", 766, 312.2, 405.8, 613.8),
            new Measured("java8.al2", 256, "arm64", "Image", 769, 309.1, 384.1, 585.1),
            new Measured("java8.al2", 512, "arm64", "Image", 755, 317.2, 418.2, 619.2),
            new Measured("java8.al2", 1024, "arm64", "Image", 779, 309.3, 409.9, 610.0),
            new Measured("java8.al2", 128, "arm64", "Zip", 762, 250.2, 486.5, 515.0),
            new Measured("java8.al2", 256, "arm64", "Zip", 762, 251.4, 485.7, 512.0),
            new Measured("java8.al2", 512, "arm64", "Zip", 762, 258.9, 489.5, 516.6),
            new Measured("java8.al2", 1024, "arm64", "Zip", 774, 249.7, 482.9, 510.0),
            new Measured("java8.al2", 128, "x86_64", "Image", 773, 336.9, 574.8, 745.6),
            new Measured("java8.al2", 256, "x86_64", "Image", 779, 331.9, 568.9, 714.7),
            new Measured("java8.al2", 512, "x86_64", "Image", 766, 336.3, 594.0, 747.0),
            new Measured("java8.al2", 1024, "x86_64", "Image", 771, 334.5, 571.2, 718.5),
            new Measured("java8.al2", 128, "x86_64", "Zip", 774, 248.9, 305.3, 546.2),
            new Measured("java8.al2", 256, "x86_64", "Zip", 774, 249.0, 296.7, 530.0),
            new Measured("java8.al2", 512, "x86_64", "Zip", 780, 254.6, 302.7, 534.9),
            new Measured("java8.al2", 1024, "x86_64", "Zip", 752, 247.9, 304.0, 518.6),
            new Measured("nodejs20.x", 128, "arm64", "Image", 779, 225.7, 283.3, 667.3),
            new Measured("nodejs20.x", 256, "arm64", "Image", 760, 226.0, 273.5, 690.2),
            new Measured("nodejs20.x", 512, "arm64", "Image", 769, 228.0, 266.3, 698.9),
            new Measured("nodejs20.x", 1024, "arm64", "Image", 764, 226.3, 255.3, 678.8),
            new Measured("nodejs20.x", 128, "arm64", "Zip", 762, 130.6, 140.1, 156.5),
            new Measured("nodejs20.x", 256, "arm64", "Zip", 780, 130.2, 139.5, 156.6),
            new Measured("nodejs20.x", 512, "arm64", "Zip", 766, 132.0, 142.6, 173.4),
            new Measured("nodejs20.x", 1024, "arm64", "Zip", 762, 132.2, 141.5, 157.3),
            new Measured("nodejs20.x", 128, "x86_64", "Image", 760, 275.6, 527.4, 775.6),
            new Measured("nodejs20.x", 256, "x86_64", "Image", 773, 278.4, 587.8, 792.2),
            new Measured("nodejs20.x", 512, "x86_64", "Image", 762, 273.8, 550.2, 802.3),
            new Measured("nodejs20.x", 1024, "x86_64", "Image", 765, 273.0, 567.6, 774.6),
            new Measured("nodejs20.x", 128, "x86_64", "Zip", 774, 145.9, 172.5, 228.8),
            new Measured("nodejs20.x", 256, "x86_64", "Zip", 767, 145.4, 172.0, 235.8),
            new Measured("nodejs20.x", 512, "x86_64", "Zip", 768, 145.1, 170.1, 207.6),
            new Measured("nodejs20.x", 1024, "x86_64", "Zip", 774, 145.5, 169.4, 211.9),
            new Measured("nodejs22.x", 128, "arm64", "Image", 765, 235.2, 636.4, 767.8),
            new Measured("nodejs22.x", 256, "arm64", "Image", 778, 232.9, 459.9, 735.3),
            new Measured("nodejs22.x", 512, "arm64", "Image", 766, 235.6, 527.7, 750.8),
            new Measured("nodejs22.x", 1024, "arm64", "Image", 780, 235.6, 606.4, 742.0),
            new Measured("nodejs22.x", 128, "arm64", "Zip", 768, 128.0, 137.7, 166.3),
            new Measured("nodejs22.x", 256, "arm64", "Zip", 768, 127.9, 137.6, 163.7),
            new Measured("nodejs22.x", 512, "arm64", "Zip", 768, 129.9, 140.8, 195.1),
            new Measured("nodejs22.x", 1024, "arm64", "Zip", 780, 130.3, 138.9, 165.7),
            new Measured("nodejs22.x", 128, "x86_64", "Image", 773, 301.2, 611.0, 855.9),
            new Measured("nodejs22.x", 256, "x86_64", "Image", 753, 295.8, 607.2, 819.1),
            new Measured("nodejs22.x", 512, "x86_64", "Image", 764, 296.8, 554.2, 792.3),
            new Measured("nodejs22.x", 1024, "x86_64", "Image", 768, 305.6, 615.7, 845.5),
            new Measured("nodejs22.x", 128, "x86_64", "Zip", 774, 145.5, 174.1, 225.0),
            new Measured("nodejs22.x", 256, "x86_64", "Zip", 762, 144.9, 170.6, 212.7),
            new Measured("nodejs22.x", 512, "x86_64", "Zip", 756, 144.8, 169.8, 219.1),
            new Measured("nodejs22.x", 1024, "x86_64", "Zip", 774, 143.9, 170.7, 213.9),
            new Measured("nodejs24.x", 128, "arm64", "Image", 772, 225.9, 638.7, 727.2),
            new Measured("nodejs24.x", 256, "arm64", "Image", 765, 223.5, 618.5, 733.0),
            new Measured("nodejs24.x", 512, "arm64", "Image", 763, 227.3, 602.6, 738.9),
            new Measured("nodejs24.x", 1024, "arm64", "Image", 762, 228.2, 650.5, 733.9),
            new Measured("nodejs24.x", 128, "arm64", "Zip", 768, 122.0, 135.9, 177.3),
            new Measured("nodejs24.x", 256, "arm64", "Zip", 772, 122.4, 134.8, 179.3),
            new Measured("nodejs24.x", 512, "arm64", "Zip", 773, 125.4, 138.2, 168.2),
            new Measured("nodejs24.x", 1024, "arm64", "Zip", 774, 125.5, 137.1, 179.9),
            new Measured("nodejs24.x", 128, "x86_64", "Image", 765, 285.2, 636.8, 852.5),
            new Measured("nodejs24.x", 256, "x86_64", "Image", 755, 281.7, 591.4, 804.0),
            new Measured("nodejs24.x", 512, "x86_64", "Image", 777, 280.5, 592.3, 826.9),
            new Measured("nodejs24.x", 1024, "x86_64", "Image", 772, 282.7, 593.8, 826.4),
            new Measured("nodejs24.x", 128, "x86_64", "Zip", 761, 142.4, 175.5, 231.2),
            new Measured("nodejs24.x", 256, "x86_64", "Zip", 768, 140.7, 169.1, 217.3),
            new Measured("nodejs24.x", 512, "x86_64", "Zip", 768, 140.9, 170.9, 213.1),
            new Measured("nodejs24.x", 1024, "x86_64", "Zip", 768, 139.3, 169.5, 208.4),
            new Measured("provided.al2/bun", 128, "arm64", "Image", 765, 132.8, 265.9, 493.8),
            new Measured("provided.al2/bun", 256, "arm64", "Image", 762, 133.4, 273.5, 530.8),
            new Measured("provided.al2/bun", 512, "arm64", "Image", 767, 148.9, 265.5, 496.4),
            new Measured("provided.al2/bun", 1024, "arm64", "Image", 772, 150.4, 277.8, 549.9),
            new Measured("provided.al2/bun", 128, "arm64", "Zip", 774, 290.1, 306.1, 332.8),
            new Measured("provided.al2/bun", 256, "arm64", "Zip", 762, 290.6, 306.0, 334.9),
            new Measured("provided.al2/bun", 512, "arm64", "Zip", 768, 305.6, 322.3, 352.0),
            new Measured("provided.al2/bun", 1024, "arm64", "Zip", 767, 306.2, 321.8, 349.0),
            new Measured("provided.al2/bun", 128, "x86_64", "Image", 761, 165.5, 399.8, 767.5),
            new Measured("provided.al2/bun", 256, "x86_64", "Image", 753, 166.2, 410.8, 738.5),
            new Measured("provided.al2/bun", 512, "x86_64", "Image", 772, 165.8, 384.1, 619.9),
            new Measured("provided.al2/bun", 1024, "x86_64", "Image", 760, 165.1, 367.4, 593.3),
            new Measured("provided.al2/bun", 128, "x86_64", "Zip", 774, 349.1, 378.3, 443.4),
            new Measured("provided.al2/bun", 256, "x86_64", "Zip", 755, 349.1, 383.9, 439.8),
            new Measured("provided.al2/bun", 512, "x86_64", "Zip", 778, 352.3, 386.6, 461.0),
            new Measured("provided.al2/bun", 1024, "x86_64", "Zip", 774, 350.4, 380.3, 488.4),
            new Measured("provided.al2/cpp", 128, "arm64", "Image", 766, 31.6, 42.2, 85.4),
            new Measured("provided.al2/cpp", 256, "arm64", "Image", 768, 31.9, 42.5, 92.2),
            new Measured("provided.al2/cpp", 512, "arm64", "Image", 773, 32.2, 44.9, 94.0),
            new Measured("provided.al2/cpp", 1024, "arm64", "Image", 771, 32.3, 42.8, 77.8),
            new Measured("provided.al2/cpp", 128, "arm64", "Zip", 774, 15.5, 27.3, 50.7),
            new Measured("provided.al2/cpp", 256, "arm64", "Zip", 774, 15.1, 26.6, 51.1),
            new Measured("provided.al2/cpp", 512, "arm64", "Zip", 768, 15.7, 28.6, 53.9),
            new Measured("provided.al2/cpp", 1024, "arm64", "Zip", 762, 15.5, 29.0, 54.0),
            new Measured("provided.al2/cpp", 128, "x86_64", "Image", 762, 36.5, 55.2, 100.3),
            new Measured("provided.al2/cpp", 256, "x86_64", "Image", 768, 35.8, 53.8, 84.5),
            new Measured("provided.al2/cpp", 512, "x86_64", "Image", 763, 36.3, 52.2, 82.6),
            new Measured("provided.al2/cpp", 1024, "x86_64", "Image", 779, 36.0, 56.9, 86.2),
            new Measured("provided.al2/cpp", 128, "x86_64", "Zip", 759, 15.7, 28.2, 56.3),
            new Measured("provided.al2/cpp", 256, "x86_64", "Zip", 767, 15.7, 28.1, 59.8),
            new Measured("provided.al2/cpp", 512, "x86_64", "Zip", 760, 15.9, 27.9, 54.9),
            new Measured("provided.al2/cpp", 1024, "x86_64", "Zip", 762, 16.1, 29.4, 58.0),
            new Measured("provided.al2/dotnet7-aot", 128, "arm64", "Image", 778, 83.6, 142.6, 290.9),
            new Measured("provided.al2/dotnet7-aot", 256, "arm64", "Image", 774, 82.9, 149.3, 316.9),
            new Measured("provided.al2/dotnet7-aot", 512, "arm64", "Image", 761, 84.1, 150.6, 272.6),
            new Measured("provided.al2/dotnet7-aot", 1024, "arm64", "Image", 754, 84.4, 156.1, 262.6),
            new Measured("provided.al2/dotnet7-aot", 128, "arm64", "Zip", 767, 149.0, 167.0, 197.6),
            new Measured("provided.al2/dotnet7-aot", 256, "arm64", "Zip", 780, 149.0, 167.3, 199.8),
            new Measured("provided.al2/dotnet7-aot", 512, "arm64", "Zip", 774, 150.9, 168.8, 198.5),
            new Measured("provided.al2/dotnet7-aot", 1024, "arm64", "Zip", 780, 150.4, 167.8, 197.8),
            new Measured("provided.al2/dotnet7-aot", 128, "x86_64", "Image", 765, 94.5, 195.0, 598.3),
            new Measured("provided.al2/dotnet7-aot", 256, "x86_64", "Image", 754, 92.5, 181.7, 533.5),
            new Measured("provided.al2/dotnet7-aot", 512, "x86_64", "Image", 759, 93.6, 184.0, 309.8),
            new Measured("provided.al2/dotnet7-aot", 1024, "x86_64", "Image", 778, 93.1, 183.6, 548.8),
            new Measured("provided.al2/dotnet7-aot", 128, "x86_64", "Zip", 780, 141.8, 177.1, 219.8),
            new Measured("provided.al2/dotnet7-aot", 256, "x86_64", "Zip", 774, 140.2, 176.9, 221.4),
            new Measured("provided.al2/dotnet7-aot", 512, "x86_64", "Zip", 768, 140.9, 171.8, 229.7),
            new Measured("provided.al2/dotnet7-aot", 1024, "x86_64", "Zip", 774, 141.9, 178.0, 224.0),
            new Measured("provided.al2/go", 128, "arm64", "Image", 780, 37.6, 53.6, 86.1),
            new Measured("provided.al2/go", 256, "arm64", "Image", 771, 37.5, 50.2, 91.7),
            new Measured("provided.al2/go", 512, "arm64", "Image", 780, 38.4, 53.8, 86.6),
            new Measured("provided.al2/go", 1024, "arm64", "Image", 767, 38.7, 53.1, 89.9),
            new Measured("provided.al2/go", 128, "arm64", "Zip", 768, 42.2, 43.8, 49.3),
            new Measured("provided.al2/go", 256, "arm64", "Zip", 761, 42.2, 43.7, 46.2),
            new Measured("provided.al2/go", 512, "arm64", "Zip", 762, 42.7, 44.8, 53.7),
            new Measured("provided.al2/go", 1024, "arm64", "Zip", 761, 42.2, 44.5, 49.6),
            new Measured("provided.al2/go", 128, "x86_64", "Image", 761, 43.8, 72.8, 107.7),
            new Measured("provided.al2/go", 256, "x86_64", "Image", 754, 43.9, 72.1, 99.0),
            new Measured("provided.al2/go", 512, "x86_64", "Image", 772, 44.5, 73.4, 114.8),
            new Measured("provided.al2/go", 1024, "x86_64", "Image", 762, 43.8, 71.1, 117.1),
            new Measured("provided.al2/go", 128, "x86_64", "Zip", 762, 50.6, 56.5, 74.1),
            new Measured("provided.al2/go", 256, "x86_64", "Zip", 768, 50.5, 55.6, 68.2),
            new Measured("provided.al2/go", 512, "x86_64", "Zip", 760, 50.5, 55.7, 80.7),
            new Measured("provided.al2/go", 1024, "x86_64", "Zip", 767, 50.5, 56.3, 69.9),
            new Measured("provided.al2/graalvm-java17", 128, "arm64", "Image", 765, 70.1, 139.0, 3897.4),
            new Measured("provided.al2/graalvm-java17", 256, "arm64", "Image", 773, 70.3, 147.3, 2449.8),
            new Measured("provided.al2/graalvm-java17", 512, "arm64", "Image", 755, 71.4, 144.3, 1862.5),
            new Measured("provided.al2/graalvm-java17", 1024, "arm64", "Image", 761, 71.3, 140.5, 341.5),
            new Measured("provided.al2/graalvm-java17", 128, "arm64", "Zip", 774, 122.5, 131.7, 157.8),
            new Measured("provided.al2/graalvm-java17", 256, "arm64", "Zip", 780, 122.1, 132.0, 157.1),
            new Measured("provided.al2/graalvm-java17", 512, "arm64", "Zip", 774, 122.5, 132.3, 157.5),
            new Measured("provided.al2/graalvm-java17", 1024, "arm64", "Zip", 774, 122.7, 132.7, 160.9),
            new Measured("provided.al2/graalvm-java17", 128, "x86_64", "Image", 765, 82.3, 185.5, 3633.0),
            new Measured("provided.al2/graalvm-java17", 256, "x86_64", "Image", 762, 83.3, 191.2, 4210.5),
            new Measured("provided.al2/graalvm-java17", 512, "x86_64", "Image", 773, 81.1, 177.2, 713.6),
            new Measured("provided.al2/graalvm-java17", 1024, "x86_64", "Image", 767, 81.1, 179.0, 348.7),
            new Measured("provided.al2/graalvm-java17", 128, "x86_64", "Zip", 780, 142.1, 162.7, 195.1),
            new Measured("provided.al2/graalvm-java17", 256, "x86_64", "Zip", 768, 142.7, 161.7, 197.4),
            new Measured("provided.al2/graalvm-java17", 512, "x86_64", "Zip", 762, 141.8, 162.9, 206.4),
            new Measured("provided.al2/graalvm-java17", 1024, "x86_64", "Zip", 768, 142.8, 164.6, 197.8),
            new Measured("provided.al2/quarkus", 128, "x86_64", "Image", 761, 133.4, 306.0, 2097.9),
            new Measured("provided.al2/quarkus", 256, "x86_64", "Image", 762, 132.7, 296.3, 3738.2),
            new Measured("provided.al2/quarkus", 512, "x86_64", "Image", 760, 133.5, 293.3, 1320.6),
            new Measured("provided.al2/quarkus", 1024, "x86_64", "Image", 764, 129.9, 297.4, 2146.6),
            new Measured("provided.al2/quarkus", 128, "x86_64", "Zip", 762, 247.7, 274.8, 330.7),
            new Measured("provided.al2/quarkus", 256, "x86_64", "Zip", 767, 246.9, 274.9, 324.3),
            new Measured("provided.al2/quarkus", 512, "x86_64", "Zip", 768, 246.7, 276.0, 337.7),
            new Measured("provided.al2/quarkus", 1024, "x86_64", "Zip", 756, 247.2, 275.3, 314.7),
            new Measured("provided.al2/rust", 128, "arm64", "Image", 761, 30.0, 38.2, 113.5),
            new Measured("provided.al2/rust", 256, "arm64", "Image", 767, 29.7, 37.8, 109.2),
            new Measured("provided.al2/rust", 512, "arm64", "Image", 773, 29.6, 37.3, 98.4),
            new Measured("provided.al2/rust", 1024, "arm64", "Image", 766, 29.8, 38.0, 87.5),
            new Measured("provided.al2/rust", 128, "arm64", "Zip", 762, 14.8, 23.6, 50.9),
            new Measured("provided.al2/rust", 256, "arm64", "Zip", 762, 14.9, 23.3, 49.9),
            new Measured("provided.al2/rust", 512, "arm64", "Zip", 757, 14.7, 24.0, 49.6),
            new Measured("provided.al2/rust", 1024, "arm64", "Zip", 762, 14.5, 23.1, 51.0),
            new Measured("provided.al2/rust", 128, "x86_64", "Image", 770, 35.1, 52.1, 82.6),
            new Measured("provided.al2/rust", 256, "x86_64", "Image", 764, 35.2, 52.9, 91.6),
            new Measured("provided.al2/rust", 512, "x86_64", "Image", 761, 34.6, 54.0, 101.8),
            new Measured("provided.al2/rust", 1024, "x86_64", "Image", 767, 35.2, 52.3, 86.7),
            new Measured("provided.al2/rust", 128, "x86_64", "Zip", 762, 17.4, 25.7, 57.8),
            new Measured("provided.al2/rust", 256, "x86_64", "Zip", 767, 17.4, 26.2, 58.7),
            new Measured("provided.al2/rust", 512, "x86_64", "Zip", 780, 17.5, 26.2, 59.5),
            new Measured("provided.al2/rust", 1024, "x86_64", "Zip", 767, 17.5, 25.4, 60.8),
            new Measured("provided.al2/shell", 128, "arm64", "Image", 758, 70.9, 135.7, 191.6),
            new Measured("provided.al2/shell", 256, "arm64", "Image", 758, 69.2, 135.0, 176.2),
            new Measured("provided.al2/shell", 512, "arm64", "Image", 771, 72.8, 133.5, 179.0),
            new Measured("provided.al2/shell", 1024, "arm64", "Image", 768, 71.9, 135.3, 172.5),
            new Measured("provided.al2/shell", 128, "arm64", "Zip", 768, 55.2, 147.5, 187.7),
            new Measured("provided.al2/shell", 256, "arm64", "Zip", 768, 56.0, 147.6, 188.6),
            new Measured("provided.al2/shell", 512, "arm64", "Zip", 774, 55.7, 146.8, 186.2),
            new Measured("provided.al2/shell", 1024, "arm64", "Zip", 768, 56.5, 146.6, 183.6),
            new Measured("provided.al2/shell", 128, "x86_64", "Image", 765, 78.4, 130.7, 195.9),
            new Measured("provided.al2/shell", 256, "x86_64", "Image", 761, 79.0, 131.9, 199.7),
            new Measured("provided.al2/shell", 512, "x86_64", "Image", 771, 77.3, 132.9, 191.9),
            new Measured("provided.al2/shell", 1024, "x86_64", "Image", 766, 80.0, 128.9, 216.3),
            new Measured("provided.al2/shell", 128, "x86_64", "Zip", 756, 49.2, 137.4, 193.3),
            new Measured("provided.al2/shell", 256, "x86_64", "Zip", 768, 51.0, 135.7, 192.8),
            new Measured("provided.al2/shell", 512, "x86_64", "Zip", 774, 50.0, 145.7, 225.0),
            new Measured("provided.al2/shell", 1024, "x86_64", "Zip", 762, 50.3, 141.9, 196.5),
            new Measured("provided.al2/swift5.8", 128, "arm64", "Image", 767, 67.8, 123.7, 237.6),
            new Measured("provided.al2/swift5.8", 256, "arm64", "Image", 768, 67.7, 118.7, 235.9),
            new Measured("provided.al2/swift5.8", 512, "arm64", "Image", 777, 68.6, 116.1, 181.1),
            new Measured("provided.al2/swift5.8", 1024, "arm64", "Image", 762, 68.6, 112.9, 258.5),
            new Measured("provided.al2/swift5.8", 128, "arm64", "Zip", 763, 107.9, 127.8, 155.0),
            new Measured("provided.al2/swift5.8", 256, "arm64", "Zip", 774, 108.6, 128.6, 156.5),
            new Measured("provided.al2/swift5.8", 512, "arm64", "Zip", 773, 108.1, 126.7, 155.4),
            new Measured("provided.al2/swift5.8", 1024, "arm64", "Zip", 768, 107.2, 127.7, 154.1),
            new Measured("provided.al2/swift5.8", 128, "x86_64", "Image", 774, 79.8, 158.5, 322.0),
            new Measured("provided.al2/swift5.8", 256, "x86_64", "Image", 777, 78.9, 160.0, 266.9),
            new Measured("provided.al2/swift5.8", 512, "x86_64", "Image", 770, 78.9, 158.7, 260.0),
            new Measured("provided.al2/swift5.8", 1024, "x86_64", "Image", 774, 79.5, 154.6, 265.9),
            new Measured("provided.al2/swift5.8", 128, "x86_64", "Zip", 762, 130.3, 153.9, 194.8),
            new Measured("provided.al2/swift5.8", 256, "x86_64", "Zip", 780, 130.4, 152.1, 189.1),
            new Measured("provided.al2/swift5.8", 512, "x86_64", "Zip", 768, 130.3, 151.7, 190.6),
            new Measured("provided.al2/swift5.8", 1024, "x86_64", "Zip", 757, 129.8, 150.9, 203.9),
            new Measured("provided.al2/swift6.2", 128, "arm64", "Image", 760, 65.8, 129.0, 731.0),
            new Measured("provided.al2/swift6.2", 256, "arm64", "Image", 780, 65.6, 112.1, 264.2),
            new Measured("provided.al2/swift6.2", 512, "arm64", "Image", 772, 66.2, 115.2, 248.7),
            new Measured("provided.al2/swift6.2", 1024, "arm64", "Image", 778, 66.3, 115.6, 244.9),
            new Measured("provided.al2/swift6.2", 128, "arm64", "Zip", 780, 107.6, 122.5, 154.5),
            new Measured("provided.al2/swift6.2", 256, "arm64", "Zip", 761, 107.9, 124.4, 155.3),
            new Measured("provided.al2/swift6.2", 512, "arm64", "Zip", 780, 108.2, 122.9, 151.9),
            new Measured("provided.al2/swift6.2", 1024, "arm64", "Zip", 762, 108.6, 122.8, 151.6),
            new Measured("provided.al2/swift6.2", 128, "x86_64", "Image", 779, 78.0, 178.7, 505.1),
            new Measured("provided.al2/swift6.2", 256, "x86_64", "Image", 769, 76.3, 161.2, 333.8),
            new Measured("provided.al2/swift6.2", 512, "x86_64", "Image", 766, 76.5, 159.6, 251.4),
            new Measured("provided.al2/swift6.2", 1024, "x86_64", "Image", 766, 77.4, 160.7, 265.9),
            new Measured("provided.al2/swift6.2", 128, "x86_64", "Zip", 779, 131.8, 151.3, 193.6),
            new Measured("provided.al2/swift6.2", 256, "x86_64", "Zip", 762, 131.7, 151.3, 184.0),
            new Measured("provided.al2/swift6.2", 512, "x86_64", "Zip", 773, 131.3, 152.7, 190.1),
            new Measured("provided.al2/swift6.2", 1024, "x86_64", "Zip", 774, 131.4, 152.3, 188.6),
            new Measured("provided.al2023/cpp", 128, "arm64", "Image", 780, 40.5, 77.5, 251.9),
            new Measured("provided.al2023/cpp", 256, "arm64", "Image", 774, 40.7, 77.9, 135.8),
            new Measured("provided.al2023/cpp", 512, "arm64", "Image", 760, 41.0, 79.9, 125.1),
            new Measured("provided.al2023/cpp", 1024, "arm64", "Image", 760, 41.2, 71.6, 126.2),
            new Measured("provided.al2023/cpp", 128, "arm64", "Zip", 767, 49.0, 58.7, 102.4),
            new Measured("provided.al2023/cpp", 256, "arm64", "Zip", 780, 49.4, 59.6, 100.6),
            new Measured("provided.al2023/cpp", 512, "arm64", "Zip", 761, 49.4, 60.3, 103.5),
            new Measured("provided.al2023/cpp", 1024, "arm64", "Zip", 773, 49.5, 60.8, 103.1),
            new Measured("provided.al2023/cpp", 128, "x86_64", "Image", 772, 49.6, 99.2, 205.3),
            new Measured("provided.al2023/cpp", 256, "x86_64", "Image", 772, 49.5, 96.2, 163.7),
            new Measured("provided.al2023/cpp", 512, "x86_64", "Image", 757, 50.8, 102.8, 171.3),
            new Measured("provided.al2023/cpp", 1024, "x86_64", "Image", 766, 49.6, 96.0, 174.3),
            new Measured("provided.al2023/cpp", 128, "x86_64", "Zip", 780, 66.3, 87.4, 130.9),
            new Measured("provided.al2023/cpp", 256, "x86_64", "Zip", 768, 66.4, 90.4, 130.4),
            new Measured("provided.al2023/cpp", 512, "x86_64", "Zip", 753, 66.8, 91.9, 134.8),
            new Measured("provided.al2023/cpp", 1024, "x86_64", "Zip", 768, 66.3, 89.8, 133.7),
            new Measured("provided.al2023/dotnet10-aot", 128, "arm64", "Image", 768, 48.9, 79.9, 194.8),
            new Measured("provided.al2023/dotnet10-aot", 256, "arm64", "Image", 767, 49.3, 81.6, 150.5),
            new Measured("provided.al2023/dotnet10-aot", 512, "arm64", "Image", 764, 49.8, 76.5, 121.8),
            new Measured("provided.al2023/dotnet10-aot", 1024, "arm64", "Image", 761, 49.6, 75.6, 117.9),
            new Measured("provided.al2023/dotnet10-aot", 128, "arm64", "Zip", 780, 62.6, 68.2, 86.4),
            new Measured("provided.al2023/dotnet10-aot", 256, "arm64", "Zip", 767, 62.6, 67.1, 85.2),
            new Measured("provided.al2023/dotnet10-aot", 512, "arm64", "Zip", 759, 63.1, 70.7, 88.9),
            new Measured("provided.al2023/dotnet10-aot", 1024, "arm64", "Zip", 774, 62.6, 68.0, 88.3),
            new Measured("provided.al2023/dotnet10-aot", 128, "x86_64", "Image", 771, 58.7, 104.0, 190.8),
            new Measured("provided.al2023/dotnet10-aot", 256, "x86_64", "Image", 772, 59.5, 102.3, 149.1),
            new Measured("provided.al2023/dotnet10-aot", 512, "x86_64", "Image", 760, 59.9, 106.7, 150.4),
            new Measured("provided.al2023/dotnet10-aot", 1024, "x86_64", "Image", 779, 60.4, 105.9, 193.4),
            new Measured("provided.al2023/dotnet10-aot", 128, "x86_64", "Zip", 762, 73.8, 84.9, 111.9),
            new Measured("provided.al2023/dotnet10-aot", 256, "x86_64", "Zip", 768, 73.5, 85.2, 109.1),
            new Measured("provided.al2023/dotnet10-aot", 512, "x86_64", "Zip", 760, 73.2, 86.2, 118.4),
            new Measured("provided.al2023/dotnet10-aot", 1024, "x86_64", "Zip", 779, 73.7, 85.1, 116.8),
            new Measured("provided.al2023/dotnet8-aot", 128, "arm64", "Image", 774, 54.8, 89.9, 388.1),
            new Measured("provided.al2023/dotnet8-aot", 256, "arm64", "Image", 771, 53.4, 92.8, 437.5),
            new Measured("provided.al2023/dotnet8-aot", 512, "arm64", "Image", 766, 55.1, 84.3, 229.6),
            new Measured("provided.al2023/dotnet8-aot", 1024, "arm64", "Image", 766, 55.2, 84.7, 163.4),
            new Measured("provided.al2023/dotnet8-aot", 128, "arm64", "Zip", 762, 76.7, 82.6, 101.4),
            new Measured("provided.al2023/dotnet8-aot", 256, "arm64", "Zip", 768, 76.9, 82.1, 99.5),
            new Measured("provided.al2023/dotnet8-aot", 512, "arm64", "Zip", 762, 77.8, 85.2, 105.4),
            new Measured("provided.al2023/dotnet8-aot", 1024, "arm64", "Zip", 768, 77.6, 83.8, 100.4),
            new Measured("provided.al2023/dotnet8-aot", 128, "x86_64", "Image", 778, 63.3, 110.6, 206.9),
            new Measured("provided.al2023/dotnet8-aot", 256, "x86_64", "Image", 768, 61.8, 104.7, 162.4),
            new Measured("provided.al2023/dotnet8-aot", 512, "x86_64", "Image", 770, 62.2, 107.5, 178.5),
            new Measured("provided.al2023/dotnet8-aot", 1024, "x86_64", "Image", 772, 62.5, 104.0, 161.3),
            new Measured("provided.al2023/dotnet8-aot", 128, "x86_64", "Zip", 768, 88.1, 100.8, 130.5),
            new Measured("provided.al2023/dotnet8-aot", 256, "x86_64", "Zip", 768, 88.0, 99.2, 129.2),
            new Measured("provided.al2023/dotnet8-aot", 512, "x86_64", "Zip", 774, 87.9, 102.2, 126.5),
            new Measured("provided.al2023/dotnet8-aot", 1024, "x86_64", "Zip", 773, 88.1, 99.9, 128.1),
            new Measured("provided.al2023/dotnet9-aot", 128, "arm64", "Image", 766, 52.6, 90.1, 138.0),
            new Measured("provided.al2023/dotnet9-aot", 256, "arm64", "Image", 767, 52.1, 88.1, 331.9),
            new Measured("provided.al2023/dotnet9-aot", 512, "arm64", "Image", 779, 53.9, 88.1, 137.8),
            new Measured("provided.al2023/dotnet9-aot", 1024, "arm64", "Image", 760, 53.2, 89.7, 151.8),
            new Measured("provided.al2023/dotnet9-aot", 128, "arm64", "Zip", 768, 75.3, 81.1, 102.8),
            new Measured("provided.al2023/dotnet9-aot", 256, "arm64", "Zip", 767, 75.3, 81.1, 103.1),
            new Measured("provided.al2023/dotnet9-aot", 512, "arm64", "Zip", 774, 76.3, 83.0, 103.6),
            new Measured("provided.al2023/dotnet9-aot", 1024, "arm64", "Zip", 755, 76.5, 82.9, 104.2),
            new Measured("provided.al2023/dotnet9-aot", 128, "x86_64", "Image", 774, 64.3, 119.5, 254.8),
            new Measured("provided.al2023/dotnet9-aot", 256, "x86_64", "Image", 780, 64.9, 118.6, 296.1),
            new Measured("provided.al2023/dotnet9-aot", 512, "x86_64", "Image", 768, 64.1, 120.2, 215.0),
            new Measured("provided.al2023/dotnet9-aot", 1024, "x86_64", "Image", 762, 64.1, 116.9, 183.4),
            new Measured("provided.al2023/dotnet9-aot", 128, "x86_64", "Zip", 768, 85.5, 99.0, 133.8),
            new Measured("provided.al2023/dotnet9-aot", 256, "x86_64", "Zip", 767, 85.5, 99.7, 123.8),
            new Measured("provided.al2023/dotnet9-aot", 512, "x86_64", "Zip", 772, 85.1, 98.4, 126.2),
            new Measured("provided.al2023/dotnet9-aot", 1024, "x86_64", "Zip", 774, 85.5, 99.0, 127.5),
            new Measured("provided.al2023/go", 128, "arm64", "Image", 779, 38.1, 60.3, 105.2),
            new Measured("provided.al2023/go", 256, "arm64", "Image", 767, 38.4, 59.7, 101.5),
            new Measured("provided.al2023/go", 512, "arm64", "Image", 755, 39.6, 59.3, 100.1),
            new Measured("provided.al2023/go", 1024, "arm64", "Image", 755, 39.8, 60.2, 110.8),
            new Measured("provided.al2023/go", 128, "arm64", "Zip", 755, 42.4, 43.9, 46.5),
            new Measured("provided.al2023/go", 256, "arm64", "Zip", 774, 42.2, 43.8, 48.1),
            new Measured("provided.al2023/go", 512, "arm64", "Zip", 774, 43.0, 44.8, 53.9),
            new Measured("provided.al2023/go", 1024, "arm64", "Zip", 768, 43.1, 44.8, 51.8),
            new Measured("provided.al2023/go", 128, "x86_64", "Image", 760, 48.5, 85.0, 131.6),
            new Measured("provided.al2023/go", 256, "x86_64", "Image", 772, 47.0, 84.6, 125.6),
            new Measured("provided.al2023/go", 512, "x86_64", "Image", 767, 48.1, 83.5, 120.2),
            new Measured("provided.al2023/go", 1024, "x86_64", "Image", 761, 48.2, 88.2, 127.2),
            new Measured("provided.al2023/go", 128, "x86_64", "Zip", 774, 50.6, 56.1, 76.1),
            new Measured("provided.al2023/go", 256, "x86_64", "Zip", 768, 50.5, 55.3, 73.3),
            new Measured("provided.al2023/go", 512, "x86_64", "Zip", 761, 50.6, 55.3, 69.3),
            new Measured("provided.al2023/go", 1024, "x86_64", "Zip", 762, 50.5, 55.1, 72.5),
            new Measured("provided.al2023/graalvm-java21", 128, "arm64", "Image", 770, 74.8, 159.8, 1599.0),
            new Measured("provided.al2023/graalvm-java21", 256, "arm64", "Image", 759, 74.5, 161.8, 4992.1),
            new Measured("provided.al2023/graalvm-java21", 512, "arm64", "Image", 756, 75.6, 152.2, 997.5),
            new Measured("provided.al2023/graalvm-java21", 1024, "arm64", "Image", 761, 75.1, 151.0, 1461.2),
            new Measured("provided.al2023/graalvm-java21", 128, "arm64", "Zip", 768, 126.5, 134.4, 153.2),
            new Measured("provided.al2023/graalvm-java21", 256, "arm64", "Zip", 774, 126.8, 134.3, 156.7),
            new Measured("provided.al2023/graalvm-java21", 512, "arm64", "Zip", 768, 127.5, 135.9, 159.3),
            new Measured("provided.al2023/graalvm-java21", 1024, "arm64", "Zip", 762, 127.6, 135.8, 158.9),
            new Measured("provided.al2023/graalvm-java21", 128, "x86_64", "Image", 779, 91.6, 216.4, 5241.8),
            new Measured("provided.al2023/graalvm-java21", 256, "x86_64", "Image", 780, 91.5, 200.8, 1205.6),
            new Measured("provided.al2023/graalvm-java21", 512, "x86_64", "Image", 774, 91.1, 211.9, 379.9),
            new Measured("provided.al2023/graalvm-java21", 1024, "x86_64", "Image", 773, 90.7, 203.1, 778.1),
            new Measured("provided.al2023/graalvm-java21", 128, "x86_64", "Zip", 762, 154.7, 174.3, 209.0),
            new Measured("provided.al2023/graalvm-java21", 256, "x86_64", "Zip", 780, 153.9, 175.7, 208.9),
            new Measured("provided.al2023/graalvm-java21", 512, "x86_64", "Zip", 768, 154.1, 171.4, 223.0),
            new Measured("provided.al2023/graalvm-java21", 1024, "x86_64", "Zip", 764, 154.4, 174.7, 209.7),
            new Measured("provided.al2023/graalvm-java23", 128, "arm64", "Image", 774, 78.0, 165.2, 4528.9),
            new Measured("provided.al2023/graalvm-java23", 256, "arm64", "Image", 774, 77.8, 164.0, 1313.9),
            new Measured("provided.al2023/graalvm-java23", 512, "arm64", "Image", 762, 79.1, 165.4, 3037.1),
            new Measured("provided.al2023/graalvm-java23", 1024, "arm64", "Image", 758, 78.2, 157.2, 496.4),
            new Measured("provided.al2023/graalvm-java23", 128, "arm64", "Zip", 756, 136.9, 144.2, 170.7),
            new Measured("provided.al2023/graalvm-java23", 256, "arm64", "Zip", 766, 136.9, 144.6, 169.8),
            new Measured("provided.al2023/graalvm-java23", 512, "arm64", "Zip", 768, 137.4, 146.8, 177.1),
            new Measured("provided.al2023/graalvm-java23", 1024, "arm64", "Zip", 756, 138.1, 145.5, 170.5),
            new Measured("provided.al2023/graalvm-java23", 128, "x86_64", "Image", 766, 93.8, 208.8, 622.7),
            new Measured("provided.al2023/graalvm-java23", 256, "x86_64", "Image", 777, 91.7, 209.7, 4675.5),
            new Measured("provided.al2023/graalvm-java23", 512, "x86_64", "Image", 760, 93.0, 209.2, 358.6),
            new Measured("provided.al2023/graalvm-java23", 1024, "x86_64", "Image", 773, 92.2, 198.5, 3102.6),
            new Measured("provided.al2023/graalvm-java23", 128, "x86_64", "Zip", 754, 158.2, 175.8, 215.2),
            new Measured("provided.al2023/graalvm-java23", 256, "x86_64", "Zip", 780, 157.1, 178.5, 214.1),
            new Measured("provided.al2023/graalvm-java23", 512, "x86_64", "Zip", 758, 157.4, 176.4, 204.6),
            new Measured("provided.al2023/graalvm-java23", 1024, "x86_64", "Zip", 780, 156.9, 177.0, 213.3),
            new Measured("provided.al2023/llrt", 128, "arm64", "Image", 767, 45.9, 90.4, 207.4),
            new Measured("provided.al2023/llrt", 256, "arm64", "Image", 766, 46.2, 91.3, 189.1),
            new Measured("provided.al2023/llrt", 512, "arm64", "Image", 774, 47.6, 87.6, 143.8),
            new Measured("provided.al2023/llrt", 1024, "arm64", "Image", 774, 47.7, 89.3, 148.1),
            new Measured("provided.al2023/llrt", 128, "arm64", "Zip", 762, 60.9, 68.0, 73.2),
            new Measured("provided.al2023/llrt", 256, "arm64", "Zip", 768, 60.3, 67.6, 73.2),
            new Measured("provided.al2023/llrt", 512, "arm64", "Zip", 774, 62.6, 69.0, 73.1),
            new Measured("provided.al2023/llrt", 1024, "arm64", "Zip", 768, 62.5, 69.6, 73.4),
            new Measured("provided.al2023/llrt", 128, "x86_64", "Image", 768, 60.3, 126.0, 233.6),
            new Measured("provided.al2023/llrt", 256, "x86_64", "Image", 767, 59.3, 121.2, 199.0),
            new Measured("provided.al2023/llrt", 512, "x86_64", "Image", 766, 59.8, 131.1, 233.8),
            new Measured("provided.al2023/llrt", 1024, "x86_64", "Image", 777, 59.6, 127.8, 213.0),
            new Measured("provided.al2023/llrt", 128, "x86_64", "Zip", 773, 68.8, 75.9, 94.7),
            new Measured("provided.al2023/llrt", 256, "x86_64", "Zip", 762, 68.3, 75.1, 85.3),
            new Measured("provided.al2023/llrt", 512, "x86_64", "Zip", 774, 67.9, 74.8, 85.0),
            new Measured("provided.al2023/llrt", 1024, "x86_64", "Zip", 780, 68.6, 75.0, 88.9),
            new Measured("provided.al2023/rust", 128, "arm64", "Image", 760, 29.2, 38.7, 92.0),
            new Measured("provided.al2023/rust", 256, "arm64", "Image", 773, 29.3, 39.8, 104.1),
            new Measured("provided.al2023/rust", 512, "arm64", "Image", 754, 29.4, 44.1, 99.1),
            new Measured("provided.al2023/rust", 1024, "arm64", "Image", 772, 29.8, 39.7, 97.4),
            new Measured("provided.al2023/rust", 128, "arm64", "Zip", 773, 13.9, 15.6, 43.8),
            new Measured("provided.al2023/rust", 256, "arm64", "Zip", 762, 13.8, 15.2, 44.9),
            new Measured("provided.al2023/rust", 512, "arm64", "Zip", 762, 13.8, 17.4, 44.8),
            new Measured("provided.al2023/rust", 1024, "arm64", "Zip", 768, 13.8, 15.9, 42.9),
            new Measured("provided.al2023/rust", 128, "x86_64", "Image", 772, 36.1, 59.8, 102.1),
            new Measured("provided.al2023/rust", 256, "x86_64", "Image", 779, 36.9, 61.4, 107.7),
            new Measured("provided.al2023/rust", 512, "x86_64", "Image", 765, 35.8, 60.9, 139.8),
            new Measured("provided.al2023/rust", 1024, "x86_64", "Image", 765, 36.2, 59.1, 99.6),
            new Measured("provided.al2023/rust", 128, "x86_64", "Zip", 768, 16.2, 21.6, 50.7),
            new Measured("provided.al2023/rust", 256, "x86_64", "Zip", 768, 16.2, 20.2, 51.4),
            new Measured("provided.al2023/rust", 512, "x86_64", "Zip", 767, 16.2, 21.7, 49.4),
            new Measured("provided.al2023/rust", 1024, "x86_64", "Zip", 756, 16.2, 21.7, 48.2),
            new Measured("provided.al2023/shell", 128, "arm64", "Image", 766, 72.0, 111.9, 162.4),
            new Measured("provided.al2023/shell", 256, "arm64", "Image", 768, 71.2, 111.3, 168.3),
            new Measured("provided.al2023/shell", 512, "arm64", "Image", 763, 70.6, 110.1, 162.3),
            new Measured("provided.al2023/shell", 1024, "arm64", "Image", 762, 72.7, 118.4, 162.3),
            new Measured("provided.al2023/shell", 128, "arm64", "Zip", 773, 39.6, 110.4, 175.1),
            new Measured("provided.al2023/shell", 256, "arm64", "Zip", 780, 40.0, 112.9, 177.0),
            new Measured("provided.al2023/shell", 512, "arm64", "Zip", 773, 40.5, 114.4, 173.5),
            new Measured("provided.al2023/shell", 1024, "arm64", "Zip", 780, 41.7, 113.0, 182.5),
            new Measured("provided.al2023/shell", 128, "x86_64", "Image", 754, 82.3, 134.8, 224.1),
            new Measured("provided.al2023/shell", 256, "x86_64", "Image", 767, 83.2, 132.0, 209.6),
            new Measured("provided.al2023/shell", 512, "x86_64", "Image", 772, 83.3, 133.6, 193.7),
            new Measured("provided.al2023/shell", 1024, "x86_64", "Image", 766, 81.7, 132.8, 206.0),
            new Measured("provided.al2023/shell", 128, "x86_64", "Zip", 774, 50.0, 138.0, 200.1),
            new Measured("provided.al2023/shell", 256, "x86_64", "Zip", 774, 50.4, 132.9, 195.6),
            new Measured("provided.al2023/shell", 512, "x86_64", "Zip", 774, 50.9, 136.8, 192.5),
            new Measured("provided.al2023/shell", 1024, "x86_64", "Zip", 766, 51.3, 143.2, 201.5),
            new Measured("python3.10", 128, "arm64", "Image", 762, 122.3, 204.1, 305.6),
            new Measured("python3.10", 256, "arm64", "Image", 753, 122.5, 215.9, 305.2),
            new Measured("python3.10", 512, "arm64", "Image", 767, 124.1, 211.5, 305.2),
            new Measured("python3.10", 1024, "arm64", "Image", 773, 127.0, 217.1, 318.4),
            new Measured("python3.10", 128, "arm64", "Zip", 768, 73.2, 81.6, 138.6),
            new Measured("python3.10", 256, "arm64", "Zip", 767, 73.2, 80.7, 120.8),
            new Measured("python3.10", 512, "arm64", "Zip", 774, 73.8, 84.2, 148.3),
            new Measured("python3.10", 1024, "arm64", "Zip", 756, 74.2, 83.8, 143.8),
            new Measured("python3.10", 128, "x86_64", "Image", 760, 155.8, 258.0, 362.1),
            new Measured("python3.10", 256, "x86_64", "Image", 759, 154.5, 256.1, 358.9),
            new Measured("python3.10", 512, "x86_64", "Image", 762, 152.7, 252.7, 347.7),
            new Measured("python3.10", 1024, "x86_64", "Image", 762, 153.2, 251.7, 347.7),
            new Measured("python3.10", 128, "x86_64", "Zip", 773, 79.0, 96.9, 115.6),
            new Measured("python3.10", 256, "x86_64", "Zip", 780, 79.0, 96.4, 134.9),
            new Measured("python3.10", 512, "x86_64", "Zip", 757, 79.2, 95.6, 134.7),
            new Measured("python3.10", 1024, "x86_64", "Zip", 774, 78.3, 93.5, 121.4),
            new Measured("python3.11", 128, "arm64", "Image", 767, 121.5, 220.5, 280.4),
            new Measured("python3.11", 256, "arm64", "Image", 768, 121.5, 176.1, 276.9),
            new Measured("python3.11", 512, "arm64", "Image", 768, 122.8, 206.2, 287.1),
            new Measured("python3.11", 1024, "arm64", "Image", 768, 122.6, 212.1, 281.3),
            new Measured("python3.11", 128, "arm64", "Zip", 766, 72.9, 79.7, 113.9),
            new Measured("python3.11", 256, "arm64", "Zip", 767, 73.1, 79.6, 113.6),
            new Measured("python3.11", 512, "arm64", "Zip", 772, 73.8, 81.2, 106.2),
            new Measured("python3.11", 1024, "arm64", "Zip", 780, 73.5, 79.1, 107.2),
            new Measured("python3.11", 128, "x86_64", "Image", 768, 158.8, 261.3, 355.4),
            new Measured("python3.11", 256, "x86_64", "Image", 766, 158.4, 261.9, 351.6),
            new Measured("python3.11", 512, "x86_64", "Image", 780, 155.5, 263.4, 348.2),
            new Measured("python3.11", 1024, "x86_64", "Image", 780, 153.0, 264.7, 369.1),
            new Measured("python3.11", 128, "x86_64", "Zip", 768, 81.0, 98.5, 136.8),
            new Measured("python3.11", 256, "x86_64", "Zip", 756, 80.6, 97.6, 140.6),
            new Measured("python3.11", 512, "x86_64", "Zip", 762, 80.4, 98.6, 126.5),
            new Measured("python3.11", 1024, "x86_64", "Zip", 762, 79.8, 98.3, 137.5),
            new Measured("python3.12", 128, "arm64", "Image", 778, 130.8, 201.5, 353.6),
            new Measured("python3.12", 256, "arm64", "Image", 768, 130.6, 198.2, 357.6),
            new Measured("python3.12", 512, "arm64", "Image", 773, 132.4, 193.9, 368.2),
            new Measured("python3.12", 1024, "arm64", "Image", 759, 131.6, 220.8, 365.1),
            new Measured("python3.12", 128, "arm64", "Zip", 768, 80.4, 87.3, 110.3),
            new Measured("python3.12", 256, "arm64", "Zip", 759, 80.4, 87.5, 125.6),
            new Measured("python3.12", 512, "arm64", "Zip", 761, 81.1, 89.9, 138.4),
            new Measured("python3.12", 1024, "arm64", "Zip", 780, 81.5, 88.4, 116.0),
            new Measured("python3.12", 128, "x86_64", "Image", 762, 160.8, 271.7, 370.9),
            new Measured("python3.12", 256, "x86_64", "Image", 761, 161.9, 259.2, 388.9),
            new Measured("python3.12", 512, "x86_64", "Image", 766, 166.2, 281.5, 398.4),
            new Measured("python3.12", 1024, "x86_64", "Image", 780, 159.8, 257.3, 376.7),
            new Measured("python3.12", 128, "x86_64", "Zip", 762, 87.3, 106.1, 153.4),
            new Measured("python3.12", 256, "x86_64", "Zip", 768, 86.5, 105.8, 137.9),
            new Measured("python3.12", 512, "x86_64", "Zip", 762, 86.5, 106.1, 138.2),
            new Measured("python3.12", 1024, "x86_64", "Zip", 764, 87.1, 106.4, 139.5),
            new Measured("python3.13", 128, "arm64", "Image", 771, 134.7, 256.4, 353.4),
            new Measured("python3.13", 256, "arm64", "Image", 760, 130.9, 220.5, 330.5),
            new Measured("python3.13", 512, "arm64", "Image", 773, 134.2, 249.1, 338.4),
            new Measured("python3.13", 1024, "arm64", "Image", 766, 132.1, 231.6, 328.6),
            new Measured("python3.13", 128, "arm64", "Zip", 754, 81.1, 97.8, 115.4),
            new Measured("python3.13", 256, "arm64", "Zip", 762, 81.0, 96.5, 116.3),
            new Measured("python3.13", 512, "arm64", "Zip", 780, 81.3, 98.9, 124.8),
            new Measured("python3.13", 1024, "arm64", "Zip", 780, 81.5, 98.5, 125.8),
            new Measured("python3.13", 128, "x86_64", "Image", 760, 165.8, 280.5, 382.3),
            new Measured("python3.13", 256, "x86_64", "Image", 770, 162.2, 292.3, 381.0),
            new Measured("python3.13", 512, "x86_64", "Image", 779, 162.3, 292.1, 391.9),
            new Measured("python3.13", 1024, "x86_64", "Image", 761, 162.8, 293.0, 407.2),
            new Measured("python3.13", 128, "x86_64", "Zip", 756, 94.4, 121.0, 170.1),
            new Measured("python3.13", 256, "x86_64", "Zip", 762, 93.6, 119.3, 182.1),
            new Measured("python3.13", 512, "x86_64", "Zip", 768, 92.1, 118.4, 186.6),
            new Measured("python3.13", 1024, "x86_64", "Zip", 771, 91.8, 120.8, 203.2),
            new Measured("python3.14", 128, "arm64", "Image", 766, 161.7, 306.7, 388.0),
            new Measured("python3.14", 256, "arm64", "Image", 761, 157.4, 291.6, 394.2),
            new Measured("python3.14", 512, "arm64", "Image", 780, 161.3, 308.2, 384.1),
            new Measured("python3.14", 1024, "arm64", "Image", 773, 159.2, 308.8, 387.0),
            new Measured("python3.14", 128, "arm64", "Zip", 761, 101.6, 118.2, 145.2),
            new Measured("python3.14", 256, "arm64", "Zip", 777, 102.4, 119.0, 149.6),
            new Measured("python3.14", 512, "arm64", "Zip", 774, 102.9, 119.8, 213.4),
            new Measured("python3.14", 1024, "arm64", "Zip", 774, 103.9, 119.9, 152.9),
            new Measured("python3.14", 128, "x86_64", "Image", 766, 188.4, 347.8, 447.6),
            new Measured("python3.14", 256, "x86_64", "Image", 764, 184.2, 356.8, 492.1),
            new Measured("python3.14", 512, "x86_64", "Image", 767, 186.5, 363.7, 469.1),
            new Measured("python3.14", 1024, "x86_64", "Image", 755, 187.2, 355.9, 475.2),
            new Measured("python3.14", 128, "x86_64", "Zip", 761, 117.7, 160.8, 273.5),
            new Measured("python3.14", 256, "x86_64", "Zip", 756, 116.6, 161.6, 280.0),
            new Measured("python3.14", 512, "x86_64", "Zip", 768, 117.8, 157.4, 274.8),
            new Measured("python3.14", 1024, "x86_64", "Zip", 773, 116.4, 154.4, 257.9),
            new Measured("python3.9", 128, "arm64", "Image", 763, 122.3, 261.3, 313.1),
            new Measured("python3.9", 256, "arm64", "Image", 772, 121.7, 238.0, 315.1),
            new Measured("python3.9", 512, "arm64", "Image", 766, 125.0, 255.0, 320.6),
            new Measured("python3.9", 1024, "arm64", "Image", 748, 122.5, 246.1, 320.8),
            new Measured("python3.9", 128, "arm64", "Zip", 774, 73.5, 89.3, 119.9),
            new Measured("python3.9", 256, "arm64", "Zip", 774, 73.7, 89.8, 173.6),
            new Measured("python3.9", 512, "arm64", "Zip", 774, 74.0, 87.0, 140.9),
            new Measured("python3.9", 1024, "arm64", "Zip", 762, 74.4, 89.5, 149.6),
            new Measured("python3.9", 128, "x86_64", "Image", 772, 144.2, 279.1, 361.0),
            new Measured("python3.9", 256, "x86_64", "Image", 754, 146.6, 254.6, 347.2),
            new Measured("python3.9", 512, "x86_64", "Image", 767, 154.4, 275.5, 364.4),
            new Measured("python3.9", 1024, "x86_64", "Image", 768, 146.1, 271.1, 355.9),
            new Measured("python3.9", 128, "x86_64", "Zip", 761, 78.7, 98.1, 130.4),
            new Measured("python3.9", 256, "x86_64", "Zip", 767, 78.6, 96.9, 133.8),
            new Measured("python3.9", 512, "x86_64", "Zip", 768, 78.9, 94.9, 133.2),
            new Measured("python3.9", 1024, "x86_64", "Zip", 768, 78.3, 98.1, 125.9),
            new Measured("ruby3.2", 128, "arm64", "Image", 779, 264.5, 323.2, 524.7),
            new Measured("ruby3.2", 256, "arm64", "Image", 771, 262.8, 315.6, 528.7),
            new Measured("ruby3.2", 512, "arm64", "Image", 756, 301.8, 360.9, 456.9),
            new Measured("ruby3.2", 1024, "arm64", "Image", 771, 301.2, 357.6, 463.6),
            new Measured("ruby3.2", 128, "arm64", "Zip", 756, 241.2, 388.4, 453.8),
            new Measured("ruby3.2", 256, "arm64", "Zip", 756, 238.1, 386.4, 451.5),
            new Measured("ruby3.2", 512, "arm64", "Zip", 780, 280.3, 418.7, 483.2),
            new Measured("ruby3.2", 1024, "arm64", "Zip", 768, 279.2, 417.5, 484.7),
            new Measured("ruby3.2", 128, "x86_64", "Image", 760, 272.2, 392.1, 482.6),
            new Measured("ruby3.2", 256, "x86_64", "Image", 779, 271.1, 395.5, 524.5),
            new Measured("ruby3.2", 512, "x86_64", "Image", 761, 272.1, 388.2, 492.8),
            new Measured("ruby3.2", 1024, "x86_64", "Image", 780, 269.5, 401.2, 485.7),
            new Measured("ruby3.2", 128, "x86_64", "Zip", 762, 237.7, 396.3, 505.3),
            new Measured("ruby3.2", 256, "x86_64", "Zip", 756, 236.2, 388.8, 499.5),
            new Measured("ruby3.2", 512, "x86_64", "Zip", 768, 236.2, 390.5, 482.2),
            new Measured("ruby3.2", 1024, "x86_64", "Zip", 768, 242.7, 392.2, 495.2),
            new Measured("ruby3.3", 128, "arm64", "Image", 772, 272.3, 334.5, 458.1),
            new Measured("ruby3.3", 256, "arm64", "Image", 758, 272.9, 323.4, 439.7),
            new Measured("ruby3.3", 512, "arm64", "Image", 778, 289.2, 357.4, 450.6),
            new Measured("ruby3.3", 1024, "arm64", "Image", 765, 289.0, 343.1, 460.4),
            new Measured("ruby3.3", 128, "arm64", "Zip", 774, 233.3, 281.3, 413.1),
            new Measured("ruby3.3", 256, "arm64", "Zip", 774, 232.4, 281.0, 411.2),
            new Measured("ruby3.3", 512, "arm64", "Zip", 762, 250.6, 297.9, 428.8),
            new Measured("ruby3.3", 1024, "arm64", "Zip", 755, 250.4, 296.5, 429.5),
            new Measured("ruby3.3", 128, "x86_64", "Image", 780, 285.7, 408.2, 512.6),
            new Measured("ruby3.3", 256, "x86_64", "Image", 774, 281.2, 398.1, 491.6),
            new Measured("ruby3.3", 512, "x86_64", "Image", 765, 278.6, 411.5, 493.7),
            new Measured("ruby3.3", 1024, "x86_64", "Image", 773, 279.6, 412.8, 529.6),
            new Measured("ruby3.3", 128, "x86_64", "Zip", 756, 238.9, 396.4, 485.9),
            new Measured("ruby3.3", 256, "x86_64", "Zip", 774, 244.8, 397.4, 485.9),
            new Measured("ruby3.3", 512, "x86_64", "Zip", 756, 244.9, 396.1, 484.0),
            new Measured("ruby3.3", 1024, "x86_64", "Zip", 774, 242.5, 395.9, 507.7),
            new Measured("ruby3.4", 128, "arm64", "Image", 766, 260.8, 340.6, 443.1),
            new Measured("ruby3.4", 256, "arm64", "Image", 758, 261.1, 316.2, 431.7),
            new Measured("ruby3.4", 512, "arm64", "Image", 766, 275.8, 340.4, 447.4),
            new Measured("ruby3.4", 1024, "arm64", "Image", 779, 276.8, 349.1, 448.6),
            new Measured("ruby3.4", 128, "arm64", "Zip", 762, 222.9, 384.8, 428.4),
            new Measured("ruby3.4", 256, "arm64", "Zip", 762, 225.6, 385.0, 404.8),
            new Measured("ruby3.4", 512, "arm64", "Zip", 767, 241.4, 394.6, 431.2),
            new Measured("ruby3.4", 1024, "arm64", "Zip", 756, 240.9, 402.3, 428.3),
            new Measured("ruby3.4", 128, "x86_64", "Image", 766, 270.4, 388.1, 475.6),
            new Measured("ruby3.4", 256, "x86_64", "Image", 760, 270.0, 398.5, 484.4),
            new Measured("ruby3.4", 512, "x86_64", "Image", 762, 269.8, 399.2, 498.0),
            new Measured("ruby3.4", 1024, "x86_64", "Image", 767, 270.6, 393.3, 516.2),
            new Measured("ruby3.4", 128, "x86_64", "Zip", 780, 228.6, 392.7, 513.3),
            new Measured("ruby3.4", 256, "x86_64", "Zip", 780, 229.7, 388.6, 485.2),
            new Measured("ruby3.4", 512, "x86_64", "Zip", 780, 230.4, 394.2, 496.9),
            new Measured("ruby3.4", 1024, "x86_64", "Zip", 768, 232.3, 396.2, 472.7)
    );

    /** Rows by "runtime|architecture|package", sorted by memory. */
    private static final Map<String, List<Measured>> BY_CONFIG = new TreeMap<>();

    static {
        for (Measured m : ROWS) {
            BY_CONFIG.computeIfAbsent(key(m.runtime(), m.architecture(), m.packageType()), k -> new ArrayList<>())
                    .add(m);
        }
        for (List<Measured> l : BY_CONFIG.values()) {
            l.sort((a, b) -> Integer.compare(a.memoryMb(), b.memoryMb()));
        }
    }

    private InitPresets() {
    }

    /** Every measured row, in table order. */
    public static List<Measured> rows() {
        return ROWS;
    }

    /** The runtime identifiers that have a preset, sorted. */
    public static List<String> runtimes() {
        TreeSet<String> s = new TreeSet<>();
        for (Measured m : ROWS) {
            s.add(m.runtime());
        }
        return List.copyOf(s);
    }

    /** The architectures and package types measured for {@code runtime} ("x86_64 Zip", ...), sorted. */
    public static List<String> variants(String runtime) {
        TreeSet<String> s = new TreeSet<>();
        for (Measured m : ROWS) {
            if (m.runtime().equals(runtime)) {
                s.add(m.architecture() + " " + m.packageType());
            }
        }
        return List.copyOf(s);
    }

    /**
     * The measured percentiles (ms) for a configuration at {@code memoryMb}, interpolated in log2(memory) between
     * measured sizes and held at the nearest measured size outside them; null when the configuration was not
     * measured.
     */
    public static double[] percentiles(String runtime, int memoryMb, String architecture, String packageType) {
        List<Measured> l = BY_CONFIG.get(key(runtime, architecture, packageType));
        if (l == null) {
            return null;
        }
        Measured lo = l.get(0);
        Measured hi = l.get(l.size() - 1);
        if (memoryMb <= lo.memoryMb()) {
            return new double[] {lo.p50Ms(), lo.p90Ms(), lo.p99Ms()};
        }
        if (memoryMb >= hi.memoryMb()) {
            return new double[] {hi.p50Ms(), hi.p90Ms(), hi.p99Ms()};
        }
        for (int i = 1; i < l.size(); i++) {
            Measured b = l.get(i);
            if (memoryMb <= b.memoryMb()) {
                Measured a = l.get(i - 1);
                double t = (log2(memoryMb) - log2(a.memoryMb())) / (log2(b.memoryMb()) - log2(a.memoryMb()));
                return new double[] {lerp(a.p50Ms(), b.p50Ms(), t), lerp(a.p90Ms(), b.p90Ms(), t),
                    lerp(a.p99Ms(), b.p99Ms(), t)};
            }
        }
        throw new IllegalStateException("unreachable: " + memoryMb);
    }

    /**
     * The preset distribution (microseconds, capped at {@code capMicros}) for a configuration.
     *
     * @throws IllegalArgumentException naming what is supported when the configuration was not measured
     */
    public static DistributionSpec.ShiftedLogNormal preset(String runtime, int memoryMb, String architecture,
            String packageType, double capMicros) {
        double[] p = percentiles(runtime, memoryMb, architecture, packageType);
        if (p == null) {
            if (!runtimes().contains(runtime)) {
                throw new IllegalArgumentException("no init-time preset for runtime '" + runtime
                        + "' (presets: " + String.join(", ", runtimes()) + ")");
            }
            throw new IllegalArgumentException("no init-time preset for " + runtime + " " + architecture + " "
                    + packageType + " (measured: " + String.join(", ", variants(runtime)) + ")");
        }
        Fit f = fit(p[0], p[1], p[2]);
        String label = String.format(Locale.ROOT, "%s %d MB %s %s (measured p50 %.0f ms, p99 %.0f ms)", runtime,
                memoryMb, architecture, packageType, p[0], p[2]);
        // milliseconds -> microseconds: the shift scales, the log-normal's mu moves by ln(1000)
        return new DistributionSpec.ShiftedLogNormal(label, f.shiftMs() * 1e3, f.mu() + Math.log(1e3), f.sigma(),
                capMicros);
    }

    /** Fits {@code shift + exp(mu + sigma Z)} to a p50, p90 and p99 (any one unit; {@code 0 < p50 <= p90 <= p99}). */
    public static Fit fit(double p50, double p90, double p99) {
        if (!(p50 > 0 && p90 >= p50 && p99 >= p90)) {
            throw new IllegalArgumentException("need 0 < p50 <= p90 <= p99, got " + p50 + ", " + p90 + ", " + p99);
        }
        if (p99 == p50) {
            return new Fit(0, Math.log(p50), 0, true);
        }
        double target = Z99 / Z90;
        if (p90 > p50 && ratio(p50, p90, p99, 0) >= target) {
            // ratio(c) falls from ratio(0) towards 1 as c -> p50: bisect for the shift that makes it z99/z90
            double lo = 0;
            double hi = p50;
            for (int i = 0; i < 200 && hi - lo > 1e-12 * p50; i++) {
                double mid = (lo + hi) / 2;
                if (ratio(p50, p90, p99, mid) > target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double c = (lo + hi) / 2;
            double mu = Math.log(p50 - c);
            double sigma = Math.log((p99 - c) / (p50 - c)) / Z99;
            return new Fit(c, mu, sigma, true);
        }
        // lighter tail than a log-normal through the median: no floor; sigma by least squares on the log ratios
        double a = Math.log(p90 / p50);
        double b = Math.log(p99 / p50);
        double sigma = (Z90 * a + Z99 * b) / (Z90 * Z90 + Z99 * Z99);
        return new Fit(0, Math.log(p50), sigma, false);
    }

    private static double ratio(double p50, double p90, double p99, double c) {
        return Math.log((p99 - c) / (p50 - c)) / Math.log((p90 - c) / (p50 - c));
    }

    private static String key(String runtime, String architecture, String packageType) {
        return runtime + "|" + architecture + "|" + packageType;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** Unmodifiable view, for documentation tables. */
    static Map<String, List<Measured>> byConfig() {
        return Collections.unmodifiableMap(BY_CONFIG);
    }
}
