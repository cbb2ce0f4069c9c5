import agents.Jama.Matrix;
import agents.uk.ac.soton.ecs.gp4j.bmc.*;
import agents.uk.ac.soton.ecs.gp4j.gp.covariancefunctions.*;

/** Prints gp4j's BMC Gaussian-process prediction (IAMhaggler2011's configuration) for fixed data sets. */
public class GaussianProcessGoldenRecorder {
  public static void main(String[] a) {
    double[][] ys = {
      {0.31},
      {0.31, 0.35, 0.36, 0.42},
      {0.2, 0.22, 0.21, 0.25, 0.3, 0.28, 0.33, 0.35, 0.4, 0.38, 0.45, 0.5},
      {0.6, 0.6, 0.61, 0.6, 0.62, 0.63, 0.63, 0.65, 0.64, 0.66, 0.7, 0.69, 0.71, 0.72, 0.74, 0.73, 0.75, 0.78, 0.8, 0.79, 0.81, 0.83, 0.82, 0.85, 0.86, 0.88, 0.87, 0.9, 0.9, 0.91, 0.92, 0.93, 0.95, 0.94, 0.96}
    };
    double[] ts = new double[101];
    for (int i = 0; i <= 100; i++) ts[i] = i / 100.0;
    System.out.println("set,test,mean,variance");
    for (int s = 0; s < ys.length; s++) {
      double[] y = ys[s];
      double[] x = new double[y.length];
      for (int i = 0; i < y.length; i++) x[i] = (i + 0.5) / 36.0;
      BasicPrior[] bps = { new BasicPrior(11, 0.252, 0.5), new BasicPrior(11, 0.166, 0.5), new BasicPrior(1, .01, 1.0) };
      GaussianProcessRegressionBMC r = new GaussianProcessRegressionBMC();
      r.setCovarianceFunction(new SumCovarianceFunction(Matern3CovarianceFunction.getInstance(), NoiseCovarianceFunction.getInstance()));
      r.setPriors(bps);
      GaussianProcessMixture p = r.calculateRegression(new Matrix(x, x.length), new Matrix(y, y.length));
      GaussianProcessMixturePrediction pr = p.calculatePrediction(new Matrix(ts, 1).transpose());
      for (int j = 0; j <= 100; j++)
        System.out.println(s + "," + j + "," + pr.getMean().get(j, 0) + "," + pr.getVariance().get(j, 0));
    }
  }
}
