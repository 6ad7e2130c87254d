import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;

/** Loads N-Triples into an in-memory dataset and times each query (median of RUNS). */
public class JenaBench {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "3"));
        Dataset ds = DatasetFactory.createTxnMem();
        long t0 = System.nanoTime();
        RDFDataMgr.read(ds, args[0]);
        System.out.printf("load\t%.1f\t%d%n", (System.nanoTime() - t0) / 1e6, ds.getDefaultModel().size());
        for (int a = 1; a < args.length; a++) {
            String text = Files.readString(Path.of(args[a]));
            Query q = QueryFactory.create(text);
            double[] times = new double[runs];
            long count = 0;
            for (int i = 0; i < runs; i++) {
                t0 = System.nanoTime();
                try (QueryExecution qe = QueryExecutionFactory.create(q, ds)) {
                    if (q.isSelectType()) {
                        ResultSet rs = qe.execSelect();
                        count = 0;
                        while (rs.hasNext()) { rs.next(); count++; }
                    } else if (q.isAskType()) {
                        qe.execAsk(); count = 1;
                    } else if (q.isConstructType()) {
                        count = qe.execConstruct().size();
                    } else {
                        count = qe.execDescribe().size();
                    }
                }
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(times);
            String name = Path.of(args[a]).getFileName().toString().replace(".rq", "");
            System.out.printf("%s\t%.1f\t%d%n", name, times[runs / 2], count);
        }
    }
}
