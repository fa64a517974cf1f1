package org.warctrail.bench;

/** Page-averaged precision and recall, and the F1 of those averages, as the benchmark's README defines. */
public final class ScoreTotals {
    private double precisionSum;
    private double recallSum;
    private int pages;

    public void add(ShingleScore page) {
        precisionSum += page.precision();
        recallSum += page.recall();
        pages++;
    }

    public int pages() {
        return pages;
    }

    public double precision() {
        return pages == 0 ? 0 : precisionSum / pages;
    }

    public double recall() {
        return pages == 0 ? 0 : recallSum / pages;
    }

    public double f1() {
        return ShingleScore.harmonicMean(precision(), recall());
    }
}
