package agents.Jama;

/** Stand-in for GENIUS's bundled Jama 1.0.3 CholeskyDecomposition: Debian's Jama 1.0.3, returning agents.Jama.Matrix. */
public class CholeskyDecomposition extends Jama.CholeskyDecomposition {
  public CholeskyDecomposition(Jama.Matrix A) { super(A); }
  @Override public Matrix getL() { return Matrix.wrap(super.getL()); }
  @Override public Matrix solve(Jama.Matrix B) { return Matrix.wrap(super.solve(B)); }
}
