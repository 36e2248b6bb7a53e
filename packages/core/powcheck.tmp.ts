import { pyPow } from "./src/numeric/pow";
let seed = 99;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const lines: string[] = [];
for (let i = 0; i < 200000; i++) {
  const b = [0.9,0.95,0.1,0.98,0.5+rand(), rand()*3, 1-rand()*0.01][i%7];
  const k = Math.floor(rand() * 9000) - 1500;
  lines.push(`${b.toString()} ${k} ${pyPow(b,k).toString()}`);
}
console.log(lines.join("\n"));
