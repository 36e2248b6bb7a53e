import { expect, it } from "vitest";
import { describeShared, readSharedJson } from "../testing/shared";
import { build, construct } from "./index";
import { parseSpec, parseStepArg } from "./testing/py-call";
import { vectorFunction } from "./testing/vector-functions";
import { programProblems, statefulProblems, type VectorFile } from "./testing/vectors";
import type { PyValue } from "./types";

/**
 * The parameter each reference error is about (our reading of Paddle's check, written down here
 * rather than inferred by the code under test); "." = not tied to one argument.
 */
const FAILING_PARAM: Record<string, string> = {
  "err/noam/d_model0": "d_model", "err/noam/d_model_neg": "d_model", "err/noam/warmup0": "warmup_steps", "err/noam/lr_neg": "learning_rate",
  "err/noam/lr_str": "learning_rate", "err/noam/warmup_neg": "warmup_steps",
  "err/piecewise/empty_boundaries": "boundaries", "err/piecewise/values_too_short": "values", "err/piecewise/values_much_shorter": "values",
  "err/piecewise/boundaries_int": "boundaries",
  "err/natural_exp/gamma0": "gamma", "err/natural_exp/gamma_neg": "gamma", "err/natural_exp/gamma_missing": "gamma",
  "err/inverse_time/gamma_missing": "gamma", "err/exp/gamma_missing": "gamma", "inverse_time/gamma_neg_hits_zero": "gamma",
  "err/poly/decay_steps0": "decay_steps", "err/poly/decay_steps_float": "decay_steps", "err/poly/decay_steps_neg": "decay_steps",
  "err/poly/power0": "power", "err/poly/power_neg": "power", "err/poly/lr_neg": "learning_rate",
  "err/exp/gamma1": "gamma", "err/exp/gamma0": "gamma", "err/exp/gamma1.5": "gamma", "err/exp/gamma_neg": "gamma",
  "err/multistep/int_milestones": "milestones", "err/multistep/str_milestones": "milestones", "err/multistep/dup": "milestones",
  "err/multistep/decreasing": "milestones", "err/multistep/gamma1": "gamma", "err/multistep/gamma2": "gamma",
  "err/multistep/order_type_before_gamma": "milestones", "err/multistep/lr_neg": "learning_rate",
  "err/step/size_float": "step_size", "err/step/size_str": "step_size", "err/step/gamma1": "gamma", "err/step/size0": "step_size",
  "err/step/size_neg": "step_size", "err/step/size_float_and_gamma_bad": "step_size", "err/step/size0_and_gamma_bad": "gamma",
  "err/step/lr_str": "learning_rate",
  "err/lambda/not_callable": "lr_lambda", "err/mult/not_callable": "lr_lambda",
  "err/rop/mode": "mode", "err/rop/factor1": "factor", "err/rop/threshold_mode": "threshold_mode", "err/rop/lr_str": "learning_rate",
  "err/rop/mode_not_str": "mode", "err/rop/step_str_metric": ".", "err/rop/step_array_size2": ".", "err/rop/step_numpy_int64": ".",
  "err/cosine/T_max_float": "T_max", "err/cosine/T_max0": "T_max", "err/cosine/T_max_neg": "T_max", "err/cosine/eta_min_str": "eta_min",
  "err/cosine/eta_min_none": "eta_min", "err/cosine/lr_neg": "learning_rate",
  "onecycle/doc": "total_steps", "onecycle/linear": "total_steps", "onecycle/three_phase_cos": "total_steps", "onecycle/three_phase_linear": "total_steps",
  "onecycle/fractional_boundary": "total_steps", "onecycle/pct0": "total_steps", "onecycle/pct1": "phase_pct", "onecycle/total1": "total_steps",
  "onecycle/int_max_int_div": "total_steps", "onecycle/resume_last_epoch9": "total_steps",
  "err/onecycle/pct_makes_zero_phase": "phase_pct", "err/onecycle/max_str": "max_learning_rate", "err/onecycle/max_neg": "max_learning_rate",
  "err/onecycle/end_str": "end_learning_rate", "err/onecycle/end_neg": "end_learning_rate", "err/onecycle/total_float": "total_steps",
  "err/onecycle/total0": "total_steps", "err/onecycle/pct_int": "phase_pct", "err/onecycle/pct_gt1": "phase_pct", "err/onecycle/pct_neg": "phase_pct",
  "err/onecycle/divide_str": "divide_factor", "err/onecycle/divide0": "divide_factor", "err/onecycle/divide_neg": "divide_factor",
  "err/onecycle/three_phase_pct0.5": "phase_pct", "err/onecycle/anneal": "anneal_strategy",
  "err/cyclic/max_str": "max_learning_rate", "err/cyclic/max_neg": "max_learning_rate", "err/cyclic/up_float": "step_size_up",
  "err/cyclic/up0": "step_size_up", "err/cyclic/down0": "step_size_down", "err/cyclic/down_float": "step_size_down",
  "err/cyclic/exp_gamma_int": "exp_gamma", "err/cyclic/mode": "mode", "err/cyclic/scale_mode": "scale_mode",
  "err/cyclic/base_neg": "base_learning_rate", "err/cyclic/base_str": "base_learning_rate", "err/cyclic/scale_fn_not_callable": "scale_fn",
  "err/linearlr/start0": "start_factor", "err/linearlr/start_gt1": "start_factor", "err/linearlr/end_neg": "end_factor",
  "err/linearlr/end_gt1": "end_factor", "err/linearlr/total0": "total_steps", "err/linearlr/total_neg": "total_steps",
  "err/cawr/eta_min_str": "eta_min", "err/cawr/T0_0": "T_0", "err/cawr/T0_float": "T_0", "err/cawr/T0_str": "T_0", "err/cawr/T_mult0": "T_mult",
  "err/cawr/T_mult_float": "T_mult", "err/cawr/step_negative_epoch": ".", "err/cawr/lr_neg": "learning_rate",
  "warmup/onecycle": "learning_rate.total_steps",
  "err/warmup/steps0": "warmup_steps", "err/warmup/steps_float": "warmup_steps", "err/warmup/steps_neg": "warmup_steps",
  "err/warmup/end_eq_start": "end_lr", "err/warmup/end_lt_start": "end_lr", "err/warmup/lr_str": "learning_rate", "err/warmup/lr_none": "learning_rate",
  "err/warmup/start_neg": "start_lr", "err/warmup/inner_invalid": "learning_rate.step_size",
  "err/base/not_implemented": ".", "err/base/lr_numpy_float32": "learning_rate",
};

const data = (() => {
  try {
    return readSharedJson<VectorFile>("reference/paddle-lr-vectors.json");
  } catch {
    return { vectors: [], errors: [] };
  }
})();

describeShared("Paddle parity: every vector of paddle-lr-vectors.json", () => {
  it("reads all 187 vectors and 121 error records", () => {
    expect(data.vectors.length).toBe(187);
    expect(data.errors.length).toBe(121);
  });

  for (const v of data.vectors) {
    it(`${v.id}: the stateful mirror reproduces Paddle's ${v.drive} sequence, last_epoch, state_dict and error`, () => {
      expect(statefulProblems(v, vectorFunction).slice(0, 5)).toEqual([]);
    });
    if (v.drive === "step") {
      it(`${v.id}: build().curve and valueAt give the same numbers as Paddle's step() loop`, () => {
        expect(programProblems(v, vectorFunction).slice(0, 5)).toEqual([]);
      });
    }
  }
});

describeShared("Paddle parity: every error record of paddle-lr-vectors.json", () => {
  for (const e of data.errors) {
    const expected = FAILING_PARAM[e.id];
    it(`${e.id}: ${e.error_type} at ${e.phase}, on ${expected}`, () => {
      expect(expected, "every error record has an expected parameter").toBeDefined();
      const parts = expected === "." ? [] : expected.split(".");
      const param = parts.pop() ?? null;
      const path = parts;
      const spec = parseSpec(e.py_call, vectorFunction);
      let err;
      if (e.phase === "construct") {
        const b = build(spec);
        const c = construct(spec);
        expect(b.ok).toBe(false);
        expect(c.ok).toBe(false);
        if (b.ok || c.ok) return;
        expect(c.errors).toEqual(b.errors);
        err = b.errors[0];
        expect(err.phase).toBe("construct");
      } else {
        const c = construct(spec);
        if (!c.ok) throw new Error(`construct failed: ${JSON.stringify(c.errors)}`);
        for (let i = 1; i < (e.at_index ?? 1); i++) expect(c.scheduler.step()).toBeUndefined();
        const arg = parseStepArg(e.call ?? "step()", vectorFunction);
        if (e.scheduler === "ReduceOnPlateau") err = c.scheduler.stepMetricsPy?.(arg as PyValue);
        else err = arg === undefined ? c.scheduler.step() : c.scheduler.step(arg.type === "int" || arg.type === "float" ? arg.value : NaN);
        expect(err?.atStep).toBe(e.at_index);
      }
      expect(err).toMatchObject({ errorType: e.error_type, message: e.message, raisedBy: e.raised_by });
      expect(err?.param).toBe(param);
      expect(err?.path ?? []).toEqual(path);
    });
  }
});
