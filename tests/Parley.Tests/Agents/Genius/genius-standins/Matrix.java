package agents.Jama;

/**
 * Stand-in for GENIUS's bundled copy of Jama 1.0.3 (package agents.Jama), which the NegMAS mirror lacks: a
 * subclass of Debian's Jama 1.0.3 (libjama-java) whose methods return this type. Written by the Parley g3 helper
 * only to compile IAMhaggler2011 in GENIUS; the arithmetic is Jama's own.
 */
public class Matrix extends Jama.Matrix {
  public Matrix(int m, int n) { super(m, n); }
  public Matrix(int m, int n, double s) { super(m, n, s); }
  public Matrix(double[][] A) { super(A); }
  public Matrix(double[][] A, int m, int n) { super(A, m, n); }
  public Matrix(double[] vals, int m) { super(vals, m); }
  static Matrix wrap(Jama.Matrix x) { return x == null ? null : x instanceof Matrix ? (Matrix) x : new Matrix(x.getArray(), x.getRowDimension(), x.getColumnDimension()); }
  @Override public CholeskyDecomposition chol() { return new CholeskyDecomposition(this); }
  public static Matrix constructWithCopy(double[][] a0) { return wrap(Jama.Matrix.constructWithCopy(a0)); }
  @Override public Matrix copy() { return wrap(super.copy()); }
  @Override public Matrix getMatrix(int a0, int a1, int a2, int a3) { return wrap(super.getMatrix(a0, a1, a2, a3)); }
  @Override public Matrix getMatrix(int[] a0, int[] a1) { return wrap(super.getMatrix(a0, a1)); }
  @Override public Matrix getMatrix(int a0, int a1, int[] a2) { return wrap(super.getMatrix(a0, a1, a2)); }
  @Override public Matrix getMatrix(int[] a0, int a1, int a2) { return wrap(super.getMatrix(a0, a1, a2)); }
  @Override public Matrix transpose() { return wrap(super.transpose()); }
  @Override public Matrix uminus() { return wrap(super.uminus()); }
  @Override public Matrix plus(Jama.Matrix a0) { return wrap(super.plus(a0)); }
  @Override public Matrix plusEquals(Jama.Matrix a0) { return wrap(super.plusEquals(a0)); }
  @Override public Matrix minus(Jama.Matrix a0) { return wrap(super.minus(a0)); }
  @Override public Matrix minusEquals(Jama.Matrix a0) { return wrap(super.minusEquals(a0)); }
  @Override public Matrix arrayTimes(Jama.Matrix a0) { return wrap(super.arrayTimes(a0)); }
  @Override public Matrix arrayTimesEquals(Jama.Matrix a0) { return wrap(super.arrayTimesEquals(a0)); }
  @Override public Matrix arrayRightDivide(Jama.Matrix a0) { return wrap(super.arrayRightDivide(a0)); }
  @Override public Matrix arrayRightDivideEquals(Jama.Matrix a0) { return wrap(super.arrayRightDivideEquals(a0)); }
  @Override public Matrix arrayLeftDivide(Jama.Matrix a0) { return wrap(super.arrayLeftDivide(a0)); }
  @Override public Matrix arrayLeftDivideEquals(Jama.Matrix a0) { return wrap(super.arrayLeftDivideEquals(a0)); }
  @Override public Matrix times(double a0) { return wrap(super.times(a0)); }
  @Override public Matrix timesEquals(double a0) { return wrap(super.timesEquals(a0)); }
  @Override public Matrix times(Jama.Matrix a0) { return wrap(super.times(a0)); }
  @Override public Matrix solve(Jama.Matrix a0) { return wrap(super.solve(a0)); }
  @Override public Matrix solveTranspose(Jama.Matrix a0) { return wrap(super.solveTranspose(a0)); }
  @Override public Matrix inverse() { return wrap(super.inverse()); }
  public static Matrix random(int a0, int a1) { return wrap(Jama.Matrix.random(a0, a1)); }
  public static Matrix identity(int a0, int a1) { return wrap(Jama.Matrix.identity(a0, a1)); }
  public static Matrix read(java.io.BufferedReader a0) throws java.io.IOException { return wrap(Jama.Matrix.read(a0)); }
}
