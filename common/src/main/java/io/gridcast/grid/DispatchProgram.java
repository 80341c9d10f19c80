package io.gridcast.grid;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPModelRequest.SolverType;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.linearsolver.MPSolver;
import io.gridcast.grid.DispatchProblem.Dispatch;
import java.util.Optional;

/**
 * Solves a {@link DispatchProblem} with OR-Tools: GLOP (simplex) when every cost is linear or
 * piecewise linear, PDLP (a first-order primal-dual method) when a cost is quadratic.
 *
 * <p>Two OR-Tools 9.12 behaviours shape this class. GLOP and HiGHS 1.9 ignore a quadratic
 * objective and still report OPTIMAL, so a quadratic problem never goes to them. PDLP takes a
 * bound of ±1e30 as a finite number, and a two-variable problem with such bounds ended
 * NOT_SOLVED after 10 s, so open sides use ±Infinity. A piecewise-linear cost becomes an
 * epigraph variable z ≥ y_i + slope_i·(P − x_i) over the curve's pieces.
 */
final class DispatchProgram {

    /** PDLP's relative and absolute optimality tolerance. */
    static final double PDLP_TOLERANCE = 1e-8;

    /** Time limit of one LP or QP solve, in seconds. */
    static final double TIME_LIMIT_SECONDS = 120.0;

    private static final String PDLP_PARAMETERS = "num_threads: 1 termination_criteria {"
            + " simple_optimality_criteria { eps_optimal_relative: " + PDLP_TOLERANCE
            + " eps_optimal_absolute: " + PDLP_TOLERANCE + " } }";

    static {
        Loader.loadNativeLibraries();
    }

    private DispatchProgram() {
    }

    /** Outcome of one solve: the dispatch when optimal, else the solver's status. */
    record Outcome(Optional<Dispatch> dispatch, String solverName, String status) {
    }

    static Outcome solve(DispatchProblem problem) {
        boolean quadratic = problem.isQuadratic();
        SolverType solver = quadratic ? SolverType.PDLP_LINEAR_PROGRAMMING
                : SolverType.GLOP_LINEAR_PROGRAMMING;
        MPModelRequest.Builder request = MPModelRequest.newBuilder()
                .setModel(model(problem))
                .setSolverType(solver)
                .setSolverTimeLimitSeconds(TIME_LIMIT_SECONDS);
        if (quadratic) {
            request.setSolverSpecificParameters(PDLP_PARAMETERS);
        }
        MPSolutionResponse response = MPSolver.solveWithProto(request.build());
        String name = quadratic ? "PDLP" : "GLOP";
        String status = response.getStatus().name()
                + (response.getStatusStr().isEmpty() ? "" : " (" + response.getStatusStr() + ")");
        if (response.getStatus() != MPSolverResponseStatus.MPSOLVER_OPTIMAL) {
            return new Outcome(Optional.empty(), name, status);
        }
        return new Outcome(Optional.of(dispatch(problem, response)), name, status);
    }

    private static MPModelProto model(DispatchProblem problem) {
        MPModelProto.Builder model = MPModelProto.newBuilder();
        MPQuadraticObjective.Builder quadratic = MPQuadraticObjective.newBuilder();
        MPConstraintProto.Builder[] balances = new MPConstraintProto.Builder[problem.islandCount()];
        for (int i = 0; i < balances.length; i++) {
            balances[i] = MPConstraintProto.newBuilder()
                    .setLowerBound(problem.demandMw()[i])
                    .setUpperBound(problem.demandMw()[i]);
        }
        for (int u = 0; u < problem.unitCount(); u++) {
            addUnitVariable(model, quadratic, problem.units()[u]);
            balances[problem.islandOfUnit()[u]].addVarIndex(u).addCoefficient(1.0);
        }
        if (quadratic.getCoefficientCount() > 0) {
            model.setQuadraticObjective(quadratic);
        }
        for (MPConstraintProto.Builder balance : balances) {
            model.addConstraint(balance);
        }
        for (int r = 0; r < problem.rowCount(); r++) {
            model.addConstraint(flowRow(problem, r));
        }
        for (int u = 0; u < problem.unitCount(); u++) {
            addEpigraph(model, u, problem.units()[u]);
        }
        return model.build();
    }

    private static void addUnitVariable(MPModelProto.Builder model,
            MPQuadraticObjective.Builder quadratic, OpfGenerator unit) {
        MPVariableProto.Builder variable = MPVariableProto.newBuilder()
                .setLowerBound(unit.minMw())
                .setUpperBound(unit.maxMw());
        if (unit.generator.cost().isPolynomial()) {
            double[] c = OpfGenerator.quadraticCoefficients(unit.generator);
            variable.setObjectiveCoefficient(c[1]);
            model.setObjectiveOffset(model.getObjectiveOffset() + c[2]);
            if (c[0] != 0) {
                int index = model.getVariableCount();
                quadratic.addQvar1Index(index).addQvar2Index(index).addCoefficient(c[0]);
            }
        }
        model.addVariable(variable);
    }

    private static MPConstraintProto.Builder flowRow(DispatchProblem problem, int r) {
        MPConstraintProto.Builder row = MPConstraintProto.newBuilder()
                .setLowerBound(problem.rowLowerMw()[r])
                .setUpperBound(problem.rowUpperMw()[r]);
        double[] coefficients = problem.rowCoefficients()[r];
        for (int u = 0; u < coefficients.length; u++) {
            if (coefficients[u] != 0) {
                row.addVarIndex(u).addCoefficient(coefficients[u]);
            }
        }
        return row;
    }

    /** Adds z with cost 1 and z − slope_i·P ≥ y_i − slope_i·x_i for each piece. */
    private static void addEpigraph(MPModelProto.Builder model, int u, OpfGenerator unit) {
        GeneratorCost cost = unit.generator.cost();
        if (cost.isPolynomial()) {
            return;
        }
        int z = model.getVariableCount();
        model.addVariable(MPVariableProto.newBuilder()
                .setLowerBound(Double.NEGATIVE_INFINITY)
                .setUpperBound(Double.POSITIVE_INFINITY)
                .setObjectiveCoefficient(1.0));
        double[] slopes = OpfGenerator.pieceSlopes(unit.generator);
        for (int i = 0; i < slopes.length; i++) {
            double intercept = cost.pointsUsdPerHour()[i] - slopes[i] * cost.pointsMw()[i];
            model.addConstraint(MPConstraintProto.newBuilder()
                    .addVarIndex(z).addCoefficient(1.0)
                    .addVarIndex(u).addCoefficient(-slopes[i])
                    .setLowerBound(intercept)
                    .setUpperBound(Double.POSITIVE_INFINITY));
        }
    }

    private static Dispatch dispatch(DispatchProblem problem, MPSolutionResponse response) {
        double[] outputMw = new double[problem.unitCount()];
        for (int u = 0; u < outputMw.length; u++) {
            outputMw[u] = response.getVariableValue(u);
        }
        double[] islandPrices = new double[problem.islandCount()];
        for (int i = 0; i < islandPrices.length; i++) {
            islandPrices[i] = response.getDualValue(i);
        }
        double[] rowDuals = new double[problem.rowCount()];
        for (int r = 0; r < rowDuals.length; r++) {
            rowDuals[r] = response.getDualValue(problem.islandCount() + r);
        }
        return new Dispatch(outputMw, islandPrices, rowDuals);
    }
}
