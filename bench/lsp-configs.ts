/** Generated configs for the language-server benchmark: PaddleOCR-style files of a chosen length, and edits to them. */

/** One transform entry of a PaddleOCR reader pipeline (7 lines). */
function transform(i: number): string {
  return [`      - RecResizeImg${i}:`, `          image_shape: [3, 48, ${320 + (i % 7) * 16}]`, `          padding: ${i % 2 === 0 ? "true" : "false"}`, `          keep_ratio: true`, `          interpolation: ${i % 3}`, `          mean: [0.5, 0.5, 0.5]`, `          std: [0.5, 0.5, 0.5]`].join("\n");
}

/**
 * A PaddleOCR recognition config of about `lines` lines: Global, Architecture, Loss, an
 * `Optimizer.lr` cosine schedule with warmup, and long Train/Eval reader pipelines for the bulk.
 */
export function ocrConfig(lines: number): string {
  const head = `# Generated benchmark config (PaddleOCR style).
# lrlens: steps-per-epoch=1254
Global:
  use_gpu: true
  epoch_num: 500
  log_smooth_window: 20
  print_batch_step: 10
  save_model_dir: ./output/rec/
  save_epoch_step: 3
  eval_batch_step: [0, 2000]
  cal_metric_during_train: true
  pretrained_model:
  checkpoints:
  use_visualdl: false
  infer_img: doc/imgs_words/ch/word_1.jpg
  character_dict_path: ppocr/utils/ppocr_keys_v1.txt
  max_text_length: 25
  infer_mode: false
  use_space_char: true
Architecture:
  model_type: rec
  algorithm: SVTR_LCNet
  Transform:
  Backbone:
    name: PPLCNetV3
    scale: 0.95
  Head:
    name: MultiHead
    head_list:
      - CTCHead:
          Neck:
            name: svtr
            dims: 120
            depth: 2
            hidden_dims: 120
            kernel_size: [1, 3]
            use_guide: true
          Head:
            fc_decay: 0.00001
      - NRTRHead:
          nrtr_dim: 384
          max_text_length: 25
Loss:
  name: MultiLoss
  loss_config_list:
    - CTCLoss:
    - NRTRLoss:
Optimizer:
  name: Adam
  beta1: 0.9
  beta2: 0.999
  lr:
    name: Cosine
    learning_rate: 0.001
    warmup_epoch: 5
  regularizer:
    name: L2
    factor: 3.0e-05
PostProcess:
  name: CTCLabelDecode
Metric:
  name: RecMetric
  main_indicator: acc
Train:
  dataset:
    name: MultiScaleDataSet
    data_dir: ./train_data/
    label_file_list:
      - ./train_data/train_list.txt
    transforms:
`;
  const tail = `  loader:
    shuffle: true
    batch_size_per_card: 64
    drop_last: true
    num_workers: 8
`;
  const headLines = head.split("\n").length + tail.split("\n").length;
  const count = Math.max(1, Math.round((lines - headLines) / 7));
  const body = Array.from({ length: count }, (_, i) => transform(i)).join("\n");
  return `${head}${body}\n${tail}`;
}

/** The k-th edit: a different learning rate each time (the text keeps its length class). */
export function editedLearningRate(text: string, k: number): { text: string; offset: number; oldLength: number; newText: string } {
  const needle = "learning_rate: ";
  const offset = text.indexOf(needle) + needle.length;
  const oldLength = /^[^\n]*/.exec(text.slice(offset))![0].length;
  const newText = (0.001 + (k % 9) * 0.0001).toFixed(4);
  return { text: text.slice(0, offset) + newText + text.slice(offset + oldLength), offset, oldLength, newText };
}

/** A generic-form config whose schedule spans a million steps (for hover timing). */
export const MILLION_STEP_CONFIG = `# A cosine schedule with warmup over 1,000,000 steps.
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 1000000
  warmup_steps: 5000
  start_lr: 0.0
  end_lr: 0.1
`;
